from tests.foundation.probe.app import Base
from vipkit.db import run_alembic_env

run_alembic_env(Base.metadata)
