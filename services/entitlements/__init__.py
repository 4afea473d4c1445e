"""Entitlements service: Benefit catalogs, quotas per period, reservations and the usage ledger, designated relatives."""
