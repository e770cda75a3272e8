"""The pipeline steps that run as jobs after ingestion: analyze → simplify → speak.

Each job takes the release id, loads the stored release, calls the pure library
and stores the result as JSON. Steps that need German text skip other languages
and say so.
"""

from __future__ import annotations

from simplify.readability import analyze_release

from . import jobs, releases
from .db import db
from .models import ReleaseRecord


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


releases.AFTER_INGEST.append("analyze")
