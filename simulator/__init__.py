"""Partner-clinic simulator: answers the booking service's signed webhooks like a real clinic would."""
