"""Audio and transcript files on local disk, written atomically.

A file is written to a temporary name in the same folder, flushed to disk, then
renamed over its final name, so a reader never sees half a file. Names carry a
content hash, so a file, once written, never changes (immutable caching).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from flask import Flask, current_app

_SAFE_NAME = re.compile(r"^[a-z0-9][a-z0-9._-]{0,199}$")


class StorageError(OSError):
    """Writing a file failed (e.g. the disk is full); the message is German."""


def audio_dir(app: Flask | None = None) -> Path:
    return Path((app or current_app).config["AUDIO_DIR"])


def safe_path(name: str, app: Flask | None = None) -> Path:
    """The path of a stored file; refuses names that could leave the folder."""
    if not _SAFE_NAME.match(name) or ".." in name:
        raise ValueError(f"invalid file name {name!r}")
    return audio_dir(app) / name


@contextmanager
def atomic_path(name: str, app: Flask | None = None) -> Iterator[Path]:
    """A temporary path in the audio folder; when the block ends without error, it becomes ``name``.

    On any error the temporary file is removed, so no half-written file is ever visible under ``name``.
    """
    target = safe_path(name, app)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with tmp.open("rb") as fh:
            os.fsync(fh.fileno())
        tmp.chmod(0o644)
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise StorageError(
            f"Die Datei {name} konnte nicht gespeichert werden ({exc.strerror or exc}). "
            "Ist der Speicherplatz voll? Bitte geben Sie Platz frei und starten Sie die Aufgabe neu."
        ) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_atomic(name: str, data: bytes, app: Flask | None = None) -> Path:
    """Write ``data`` under ``name`` so that the file appears complete or not at all."""
    with atomic_path(name, app) as tmp:
        tmp.write_bytes(data)
    return safe_path(name, app)
