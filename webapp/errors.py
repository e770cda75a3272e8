"""Error pages in German (HTML), or JSON for API clients; never a stack trace for the user."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

MESSAGES = {
    400: ("Ungültige Anfrage", "Die Anfrage konnte nicht verarbeitet werden. Bitte prüfen Sie Ihre Eingabe."),
    403: ("Kein Zugriff", "Sie dürfen diese Seite nicht sehen."),
    404: (
        "Seite nicht gefunden",
        "Diese Seite gibt es nicht (mehr). Vielleicht hilft die Startseite weiter.",
    ),
    405: ("Nicht erlaubt", "Diese Aktion ist auf diesem Weg nicht möglich."),
    413: (
        "Zu groß",
        "Die Eingabe ist zu groß. Bitte kürzen Sie den Text oder laden Sie eine kleinere Datei hoch.",
    ),
    429: (
        "Zu viele Versuche",
        "Es gab zu viele Versuche in kurzer Zeit. Bitte warten Sie einige Minuten und versuchen Sie es dann "
        "noch einmal.",
    ),
    500: (
        "Interner Fehler",
        "Etwas ist schiefgegangen. Ihre Daten sind nicht verloren. Bitte versuchen Sie es "
        "später noch einmal.",
    ),
}


def wants_json() -> bool:
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return request.path.startswith("/api/") or (
        best == "application/json" and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def error_response(status: int, detail: str | None = None):  # type: ignore[no-untyped-def]
    title, text = MESSAGES.get(status, MESSAGES[500] if status >= 500 else MESSAGES[400])
    if wants_json():
        return jsonify(error=title, detail=detail or text, status=status), status
    return render_template("error.html", status=status, title=title, text=detail or text), status


def init_app(app: Flask) -> None:
    @app.errorhandler(CSRFError)
    def _csrf(exc: CSRFError):  # type: ignore[no-untyped-def]
        return error_response(
            400,
            "Das Formular ist abgelaufen oder unvollständig. Bitte laden Sie die Seite neu und senden Sie "
            "es noch einmal.",
        )

    @app.errorhandler(HTTPException)
    def _http(exc: HTTPException):  # type: ignore[no-untyped-def]
        return error_response(exc.code or 500)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception):  # type: ignore[no-untyped-def]
        log.exception("unhandled error on %s", request.path)
        return error_response(500)
