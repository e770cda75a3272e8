"""Jinja filters for German dates, state names and safe links."""

from __future__ import annotations

from flask import Flask

from simplify.dates import german_date

STATE_LABELS = {
    "draft": "Entwurf",
    "review": "In Prüfung",
    "published": "Veröffentlicht",
    "unpublished": "Zurückgezogen",
}
JOB_LABELS = {"queued": "wartet", "running": "läuft", "done": "fertig", "failed": "fehlgeschlagen"}


def de_date(value: str | None) -> str:
    """'2024-11-12' -> '12. November 2024'; anything unparsable is shown as it is."""
    return german_date(value) or (str(value) if value else "")


def safe_url(value: str | None) -> str:
    """Only http(s) links are rendered as links; anything else (javascript:, data:) becomes '#'."""
    text = (value or "").strip()
    if text.lower().startswith(("http://", "https://")):
        return text
    if text.lower().startswith("www."):
        return "https://" + text
    return "#"


def de_number(value: float | int | None, digits: int = 1) -> str:
    """1234.56 -> '1.234,6' (German separators); None -> ''."""
    if value is None:
        return ""
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "\u2009").replace(".", ",").replace("\u2009", ".")


def clamp100(value: float | int) -> float:
    return max(0.0, min(100.0, float(value)))


def de_duration(seconds: float | None) -> str:
    """75.4 -> '1 Min. 15 Sek.'"""
    total = round(seconds or 0)
    minutes, secs = divmod(total, 60)
    return f"{minutes} Min. {secs} Sek." if minutes else f"{secs} Sek."


def de_size(size: int | None) -> str:
    """1234567 -> '1,2 MB'; small files in kB."""
    size = size or 0
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1000))} kB"


def init_app(app: Flask) -> None:
    app.jinja_env.filters["de_date"] = de_date
    app.jinja_env.filters["safe_url"] = safe_url
    app.jinja_env.filters["de_number"] = de_number
    app.jinja_env.filters["clamp100"] = clamp100
    app.jinja_env.filters["de_duration"] = de_duration
    app.jinja_env.filters["de_size"] = de_size
    app.jinja_env.filters["state_label"] = lambda s: STATE_LABELS.get(s, s)
    app.jinja_env.filters["job_label"] = lambda s: JOB_LABELS.get(s, s)
