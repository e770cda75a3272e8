"""The pipeline steps that run as jobs after ingestion: analyze → simplify → speak.

Each job takes the release id, loads the stored release, calls the pure library
and stores the result as JSON. Steps that need German text skip other languages
and say so.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from audio.engine import SpeechError
from simplify.checker import check
from simplify.plain import SimplifyError, simplify
from simplify.readability import analyze, analyze_release

from . import jobs, readings, releases
from .db import db
from .models import ReleaseRecord
from .storage import StorageError


def _record(release_id: int | None) -> ReleaseRecord:
    record = db.session.get(ReleaseRecord, release_id) if release_id is not None else None
    if record is None:
        raise jobs.JobFailed("Die Pressemitteilung gibt es nicht mehr.")
    return record


@jobs.register("analyze")
def analyze_job(job_id: int, release_id: int | None) -> None:
    """Readability of the original (title, subtitle, lead, body)."""
    record = _record(release_id)
    if record.language != "de":
        raise jobs.JobFailed(
            "Die Lesbarkeit wird nur für deutsche Texte berechnet; dieser Text ist nicht auf Deutsch."
        )
    jobs.set_progress(job_id, 10, "Lesbarkeit wird berechnet")
    record.readability = analyze_release(releases.release_of(record)).to_dict()
    db.session.commit()


def plain_readability(plain: dict[str, Any]) -> dict[str, Any]:
    """Readability of the plain version's running text (summary and sentences, headings excluded)."""
    lines = [s["text"] for s in plain.get("summary", [])]
    lines += [s["text"] for section in plain.get("sections", []) for s in section["sentences"]]
    return analyze("\n".join(lines)).to_dict()


def recheck(plain: dict[str, Any]) -> dict[str, Any]:
    """Rule-check and re-measure a plain version (after generation or an editor's change)."""
    plain["checks"] = [asdict(finding) for finding in check(plain["text"])]
    summary = "\n".join(s["text"] for s in plain.get("summary", []))
    plain["summary_checks"] = [asdict(finding) for finding in check(summary)]
    plain["readability"] = plain_readability(plain)
    return plain


@jobs.register("simplify")
def simplify_job(job_id: int, release_id: int | None) -> None:
    """The Leichte-Sprache draft; an editor's version is never overwritten."""
    record = _record(release_id)
    if record.plain_edited:
        jobs.set_progress(job_id, 50, "Bearbeitete Fassung wird geprüft")
        record.plain = recheck(dict(record.plain or {}))
        jobs.enqueue("speak", record.id)  # read the changed text aloud
        db.session.commit()
        return
    jobs.set_progress(job_id, 10, "Leichte Sprache wird erstellt")
    try:
        plain = simplify(releases.release_of(record)).to_dict()
    except SimplifyError as exc:
        raise jobs.JobFailed(str(exc)) from exc
    record.plain = recheck(plain)
    # the speak job queued at ingestion may already have run without a plain version: read it now
    jobs.enqueue("speak", record.id)
    db.session.commit()


@jobs.register("speak")
def speak_job(job_id: int, release_id: int | None) -> None:
    """The readings of both versions (each only when its text changed)."""
    record = _record(release_id)
    if record.language != "de":
        raise jobs.JobFailed("Vorgelesen werden nur deutsche Texte; dieser Text ist nicht auf Deutsch.")
    for step, version in enumerate(readings.VERSIONS):
        label = readings.VERSION_LABELS[version]

        def progress(message: str, step: int = step, label: str = label) -> None:
            jobs.set_progress(job_id, 10 + 45 * step, f"{label}: {message}")

        try:
            readings.render(record, version, progress)
        except (SpeechError, StorageError) as exc:
            raise jobs.JobFailed(f"{label}: {exc}") from exc


releases.AFTER_INGEST.extend(["analyze", "simplify", "speak"])
