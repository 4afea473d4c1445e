"""vipkit: the plumbing every VIP platform service shares.

db (engine, session-per-request transaction, migrations), outbox + relay, consumer + inbox + DLQ,
clock (with the test clock of SPEC 7.3), problem+json errors, JSON logging with masking, auth (JWT),
the service app factory (health, readiness, metrics), the scheduler, and the local Kafka broker.
"""
