"""Entitlements service: benefit catalogs, quotas per period, reservations, the usage ledger, designated relatives."""
