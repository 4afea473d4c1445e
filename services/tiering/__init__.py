"""Tiering service: Policy intake and VIP tier rating (stars, levels, cards programs)."""
