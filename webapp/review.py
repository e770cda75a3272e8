"""The editor's review of the plain version: edit, keep revisions, restore, mark as checked.

The edit form shows the plain version as text: the summary one sentence per line;
the Leichte-Sprache text as blocks separated by blank lines, each block a heading
line followed by one sentence per line ("• " for list items); the Wörterbuch as
"Wort: Erklärung" lines. Saving parses that text back, keeps the source indices of
sentences that did not change (so they stay traceable), stores the previous state
as a revision, and queues the re-check and a new reading.
"""

from __future__ import annotations

import copy
from typing import Any

from . import jobs
from .db import db
from .models import ReleaseRecord, Revision, User, utcnow

#: what runs after the plain version changed (the speech work adds its job here)
AFTER_PLAIN_CHANGE: list[str] = ["simplify"]


class ReviewError(ValueError):
    """The edited text cannot be used; the message says what to change (German)."""


def form_values(plain: dict[str, Any]) -> dict[str, str]:
    """The plain version as the three text fields of the edit form."""
    summary = "\n".join(s["text"] for s in plain.get("summary", []))
    blocks = []
    for section in plain.get("sections", []):
        lines = [section["heading"]]
        lines += [("• " + s["text"]) if s.get("is_list_item") else s["text"] for s in section["sentences"]]
        blocks.append("\n".join(lines))
    glossary = "\n".join(f"{e['word']}: {e['explanation']}" for e in plain.get("glossary", []))
    return {"summary": summary, "text": "\n\n".join(blocks), "glossary": glossary}


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


def _sentence(text: str, is_list_item: bool, known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A sentence of the edited version; unchanged sentences keep where they came from."""
    old = known.get(text)
    if old is not None:
        return {**old, "is_list_item": is_list_item}
    return {"text": text, "source_indices": [], "steps": [], "is_list_item": is_list_item}


def parse_form(old: dict[str, Any], summary: str, text: str, glossary: str) -> dict[str, Any]:
    """Build the new plain version from the form's text fields."""
    known = {s["text"]: s for s in old.get("summary", [])}
    known.update({s["text"]: s for section in old.get("sections", []) for s in section["sentences"]})
    new = copy.deepcopy(old)
    new["summary"] = [_sentence(line, False, known) for line in _lines(summary)]
    if not new["summary"]:
        raise ReviewError("„Das Wichtigste in Kürze“ ist leer. Bitte schreiben Sie mindestens einen Satz.")
    sections = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = _lines(block)
        if not lines:
            continue
        heading, rest = lines[0], lines[1:]
        if not rest:
            raise ReviewError(
                f"Der Abschnitt „{heading}“ hat nur eine Überschrift. Schreiben Sie unter die Überschrift "
                "mindestens einen Satz – oder löschen Sie die Überschrift."
            )
        sentences = [
            _sentence(line[1:].strip() if line[0] in "•-–" else line, line[0] in "•-–", known)
            for line in rest
        ]
        sections.append({"heading": heading, "sentences": sentences})
    if not sections:
        raise ReviewError("Der Text in Leichter Sprache ist leer. Bitte schreiben Sie den Text.")
    new["sections"] = sections
    entries = []
    for line in _lines(glossary):
        word, sep, explanation = line.partition(":")
        if not sep or not word.strip() or not explanation.strip():
            raise ReviewError(
                f"Die Wörterbuch-Zeile „{line}“ hat nicht die Form „Wort: Erklärung“. Bitte trennen Sie Wort "
                "und Erklärung mit einem Doppelpunkt."
            )
        entries.append({"word": word.strip(), "explanation": explanation.strip()})
    new["glossary"] = entries
    new["text"] = form_values(new)["text"]
    new["edited"] = True
    return new


def _keep_revision(record: ReleaseRecord, user: User | None, note: str) -> None:
    db.session.add(
        Revision(release_id=record.id, user=user, field="plain", data=copy.deepcopy(record.plain), note=note)
    )


def _after_change(record: ReleaseRecord) -> None:
    for kind in AFTER_PLAIN_CHANGE:
        jobs.enqueue(kind, record.id)


def save_plain(record: ReleaseRecord, user: User | None, summary: str, text: str, glossary: str) -> bool:
    """Store an edited plain version; returns False when nothing changed."""
    new = parse_form(record.plain or {}, summary, text, glossary)
    if form_values(new) == form_values(record.plain or {}):
        return False
    _keep_revision(record, user, "Vor der Bearbeitung")
    record.plain = new
    record.plain_edited = True
    record.plain_checked_by = None  # a changed text has not been checked
    record.plain_checked_at = None
    _after_change(record)
    db.session.commit()
    return True


def restore(record: ReleaseRecord, revision: Revision, user: User | None) -> None:
    """Make an earlier revision current again (the current state becomes a revision too)."""
    if revision.release_id != record.id or revision.field != "plain" or not revision.data:
        raise ReviewError("Diese Fassung gehört nicht zu dieser Pressemitteilung.")
    _keep_revision(
        record, user, f"Vor dem Wiederherstellen der Fassung vom {revision.created_at:%d.%m.%Y %H:%M}"
    )
    record.plain = copy.deepcopy(revision.data)
    record.plain_edited = bool(revision.data.get("edited"))
    record.plain_checked_by = None
    record.plain_checked_at = None
    _after_change(record)
    db.session.commit()


def mark_checked(record: ReleaseRecord, user: User) -> None:
    """Record that Prüflesende have checked the current plain version (who entered it, when)."""
    if not record.plain:
        raise ReviewError("Es gibt noch keine Fassung in Leichter Sprache, die geprüft werden kann.")
    record.plain_checked_by = user
    record.plain_checked_at = utcnow()
    db.session.add(
        Revision(release_id=record.id, user=user, field="checked", data=None, note="Als geprüft vermerkt")
    )
    db.session.commit()
