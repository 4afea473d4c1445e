"""Shared helpers of the simulator tests."""
