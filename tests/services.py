"""The PostgreSQL and Redis servers that scripts/ci_services.sh starts for the storage and queue tests.

Their addresses come from ``KLARTEXT_TEST_DATABASE_URL`` and ``KLARTEXT_TEST_REDIS_URL``. Unset, the
tests that need them fail in CI (``CI`` set) and are skipped on a developer machine.
"""

from __future__ import annotations

import os

import pytest


def service_url(variable: str) -> str:
    url = os.environ.get(variable)
    if not url:
        message = f'{variable} is not set: start the servers with  eval "$(bash scripts/ci_services.sh)"'
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return url
