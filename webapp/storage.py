"""Audio and transcript files on local disk, written atomically.

A file is written to a temporary name in the same folder, flushed to disk, then
renamed over its final name, so a reader never sees half a file. Names carry a
content hash, so a file, once written, never changes (immutable caching).
"""

from __future__ import annotations

import os
import re
import tempfile
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


def write_atomic(name: str, data: bytes, app: Flask | None = None) -> Path:
    """Write ``data`` under ``name`` so that the file appears complete or not at all."""
    target = safe_path(name, app)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise StorageError(
            f"Die Datei {name} konnte nicht gespeichert werden ({exc.strerror or exc}). "
            "Ist der Speicherplatz voll? Bitte geben Sie Platz frei und starten Sie die Aufgabe neu."
        ) from exc
    return target
