"""Notifier service: Delivers customer notifications (SMS, WeChat) and keeps every attempt."""
