"""A harmless job kind for the Redis worker tests, imported by the worker processes they start.

``test-queue-note`` appends "JOB_ID PID" to the file named by ``KLARTEXT_TEST_JOB_LOG`` (one
``write`` on a file opened for appending, so lines from several processes never mix).
"""

from __future__ import annotations

import os
import time

from webapp import jobs

KIND = "test-queue-note"


@jobs.register(KIND)
def note(job_id: int, release_id: int | None) -> None:
    time.sleep(float(os.environ.get("KLARTEXT_TEST_JOB_SECONDS", "0.05")))
    with open(os.environ["KLARTEXT_TEST_JOB_LOG"], "a", encoding="utf-8") as log:
        log.write(f"{job_id} {os.getpid()}\n")
