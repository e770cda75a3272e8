"""German date formatting shared by the pages and the readings."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)


def german_date(iso: str | None) -> str | None:
    """'2024-11-12' -> '12. November 2024' (None when missing or malformed)."""
    try:
        day = date.fromisoformat(iso or "")
    except ValueError:
        return None
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"
