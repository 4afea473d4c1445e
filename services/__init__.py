"""The services. Importing any of them first keeps modules no service uses out of memory."""

from vipkit.lean_imports import skip_unused_modules

skip_unused_modules()
