"""A test-only hook for the fault tests, imported by the worker process they kill (never by the app).

With ``KLARTEXT_TEST_STALL_MARKER`` set, the first MP3 that any of the worker processes writes stalls
inside its atomic write: the synthesised bytes sit in the temporary file (cut to half, as when the
process dies mid-write), the final name does not exist yet, the marker file (created exclusively, so
only one process stalls) holds the temporary path, the final name and the process id, and the job
sleeps there until the test kills the process. Production code has no hook for this: the module
replaces the ``atomic_path`` that ``webapp.readings`` uses.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from webapp import readings

_real_atomic_path = readings.atomic_path


@contextmanager
def _stalling_atomic_path(name: str, *args: Any, **kwargs: Any) -> Iterator[Path]:
    with _real_atomic_path(name, *args, **kwargs) as tmp:
        yield tmp
        if name.endswith(".mp3") and _first_stall():
            data = tmp.read_bytes()
            tmp.write_bytes(data[: len(data) // 2])
            Path(os.environ["KLARTEXT_TEST_STALL_MARKER"] + ".part").write_text(
                f"{tmp}\n{name}\n{os.getpid()}\n", encoding="utf-8"
            )
            os.replace(
                os.environ["KLARTEXT_TEST_STALL_MARKER"] + ".part", os.environ["KLARTEXT_TEST_STALL_MARKER"]
            )
            time.sleep(3600)  # until SIGKILL


def _first_stall() -> bool:
    """True in the one process that creates the claim file first."""
    try:
        os.close(os.open(os.environ["KLARTEXT_TEST_STALL_MARKER"] + ".claim", os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True


if os.environ.get("KLARTEXT_TEST_STALL_MARKER"):
    readings.atomic_path = _stalling_atomic_path  # type: ignore[assignment]
