-- One PostgreSQL server, one database per service (each service owns its data).
CREATE DATABASE tiering;
CREATE DATABASE entitlements;
CREATE DATABASE booking;
CREATE DATABASE revisit;
CREATE DATABASE notifier;
