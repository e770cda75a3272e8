"""German date formatting shared by the pages, the readings and the plain-language summary."""

from __future__ import annotations

from datetime import date

from simplify.plain_lexicon import months


def german_date(iso: str | None) -> str | None:
    """'2024-11-12' -> '12. November 2024' (None when missing or malformed)."""
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return None
    return f"{day.day}. {months()[day.month - 1]} {day.year}"
