"""Booking service: Partner clinics, working-day calendar, appointments and partner webhooks."""
