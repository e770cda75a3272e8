"""The ``klartext`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from flask import Flask

from simplify.release import ParseError, Source, parse_release

from . import create_app
from .ingest import (
    ExtractedText,
    IngestError,
    IngestSettings,
    text_from_paste,
    text_from_upload,
    text_from_url,
)


def _settings(app: Flask) -> IngestSettings:
    return IngestSettings(
        max_bytes=int(app.config["MAX_TEXT_BYTES"]),
        fetch_timeout=float(app.config["FETCH_TIMEOUT"]),
        allow_private_urls=bool(app.config["ALLOW_PRIVATE_URLS"]),
    )


def read_input(source: str, settings: IngestSettings) -> ExtractedText:
    """PATH, URL or '-' (standard input) to extracted text; errors leave as ClickException in German."""
    try:
        if source == "-":
            return text_from_paste(sys.stdin.read(), settings)
        if source.startswith(("http://", "https://")):
            return text_from_url(source, settings)
        path = Path(source)
        if not path.is_file():
            raise click.ClickException(f"Die Datei {source} gibt es nicht.")
        if path.stat().st_size > settings.max_bytes:
            raise IngestError(
                f"Die Datei ist größer als {settings.max_bytes:,} Bytes. Bitte kürzen Sie sie.".replace(
                    ",", "."
                ),
                413,
            )
        return text_from_upload(path.name, path.read_bytes(), settings)
    except IngestError as exc:
        raise click.ClickException(exc.message) from exc


def base_url(app: Flask) -> str:
    return str(app.config["BASE_URL"] or f"http://{app.config['HOST']}:{app.config['PORT']}").rstrip("/")


def print_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group()
def main() -> None:
    """Klartext: German press releases as original, Leichte Sprache and audio."""


@main.command("init-db")
def init_db() -> None:
    """Create the database or upgrade it to the newest schema."""
    from .db import upgrade_database

    app = create_app()
    upgrade_database(app)
    click.echo(f"Datenbank bereit: {app.config['DATABASE_URL']}")


@main.command("create-user")
@click.argument("username")
@click.option(
    "--password", help="Password (at least 10 characters). Without it, one is generated and printed."
)
def create_user_cmd(username: str, password: str | None) -> None:
    """Create an editor account."""
    from .auth import create_user
    from .db import upgrade_database

    app = create_app()
    upgrade_database(app)
    with app.app_context():
        try:
            _, pw = create_user(username, password, must_change=password is None)
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"Redakteur {username!r} angelegt.")
    if password is None:
        click.echo(f"Einmal-Passwort: {pw}  (muss bei der ersten Anmeldung geändert werden)")


@main.command()
@click.option("--host", default=None, help="Address to listen on (default: KLARTEXT_HOST or 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (default: KLARTEXT_PORT or 5000).")
def serve(host: str | None, port: int | None) -> None:
    """Upgrade the database, start the job worker and serve the app."""
    from werkzeug.serving import run_simple

    from .auth import create_user, has_users
    from .db import upgrade_database
    from .jobs import start_worker

    overrides = {k: v for k, v in {"HOST": host, "PORT": port}.items() if v is not None}
    app = create_app(overrides or None)
    upgrade_database(app)
    with app.app_context():
        if app.config["CREATE_FIRST_EDITOR"] and not has_users():
            _, pw = create_user("redaktion", must_change=True)
            click.echo(
                "Erster Redakteur angelegt: Benutzername 'redaktion', "
                f"Einmal-Passwort: {pw}  (bei der ersten Anmeldung ändern)"
            )
        elif not has_users():
            click.echo("Noch kein Redakteur: legen Sie einen an mit 'klartext create-user NAME'.")
    start_worker(app)
    click.echo(f"Klartext läuft auf {base_url(app)}/  (Redaktion: {base_url(app)}/redaktion/)")
    run_simple(app.config["HOST"], int(app.config["PORT"]), app, threaded=True, use_reloader=False)


@main.command()
@click.option("--burst", is_flag=True, help="Run the jobs queued now, then stop.")
def worker(burst: bool) -> None:
    """Run background jobs: from Redis when REDIS_URL is set, else by polling the database."""
    from . import queue
    from .jobs import Worker, run_pending

    app = queue.worker_app()
    if queue.enabled(app):
        click.echo(f"Klartext-Worker: Aufgaben aus Redis (Warteschlange {app.config['QUEUE_NAME']!r})")
        queue.work(app, burst=burst)
    elif burst:
        click.echo(f"{run_pending(app)} Aufgabe(n) erledigt.")
    else:
        click.echo("Klartext-Worker: Aufgaben aus der Datenbank (ohne Redis)")
        Worker(app).run()


@main.command()
@click.argument("source")
@click.option("--publish", is_flag=True, help="Publish the release right away.")
def ingest(source: str, publish: bool) -> None:
    """Store a release from PATH, URL or - (standard input) and print its address."""
    from . import releases
    from .db import upgrade_database

    app = create_app()
    upgrade_database(app)
    extracted = read_input(source, _settings(app))
    with app.app_context():
        try:
            record = releases.store(extracted, None, publish=publish)
        except ParseError as exc:
            raise click.ClickException(str(exc)) from exc
        slug, state = record.slug, record.state
    click.echo(f"{base_url(app)}/releases/{slug}")
    if state != "published":
        click.echo("(Entwurf: erst nach dem Veröffentlichen öffentlich sichtbar)", err=True)


@main.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the release as JSON (the only format for now).")
def parse(source: str, as_json: bool) -> None:
    """Parse PATH, URL or - into the Release structure and print it; stores nothing."""
    app = create_app({"WORKER": "none"})
    extracted = read_input(source, _settings(app))
    try:
        release = parse_release(
            extracted.text, source=Source(kind=extracted.kind, filename=extracted.filename, url=extracted.url)
        )
    except ParseError as exc:
        raise click.ClickException(str(exc)) from exc
    print_json(release.to_dict())
