"""The ``klartext`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from flask import Flask

from simplify.release import ParseError, Release, Source, parse_release

from . import create_app
from .ingest import (
    ExtractedText,
    IngestError,
    IngestSettings,
    text_from_paste,
    text_from_upload,
    text_from_url,
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
@click.option("--production", is_flag=True, help="Serve with gunicorn and KLARTEXT_WEB_WORKERS processes.")
def serve(host: str | None, port: int | None, production: bool) -> None:
    """Upgrade the database, start the job worker and serve the app."""
    from .auth import create_user, has_users
    from .db import upgrade_database
    from .logs import configure

    overrides = {k: v for k, v in {"HOST": host, "PORT": port}.items() if v is not None}
    app = create_app(overrides or None)
    configure(str(app.config["LOG_FORMAT"]), str(app.config["LOG_LEVEL"]))
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
    click.echo(f"Klartext läuft auf {base_url(app)}/  (Redaktion: {base_url(app)}/redaktion/)", err=True)
    if production:
        _serve_gunicorn(app, overrides)
    else:
        from werkzeug.serving import run_simple

        from .jobs import requeue_stale, start_worker

        requeue_stale(app)  # the only process: whatever was 'running' died with the previous one
        start_worker(app)
        run_simple(app.config["HOST"], int(app.config["PORT"]), app, threaded=True, use_reloader=False)


def _serve_gunicorn(app: Flask, overrides: dict[str, Any]) -> None:
    """gunicorn with one app per worker process; each starts its own job thread unless Redis is used
    (claiming a job is atomic, so several pollers never run the same job; jobs of a dead process are
    requeued by the workers' stale sweep, never at start, which would take a sibling's running job)."""
    from gunicorn.app.base import BaseApplication

    from .jobs import start_worker

    class KlartextGunicorn(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            self.cfg.set("bind", f"{app.config['HOST']}:{app.config['PORT']}")
            self.cfg.set("workers", int(app.config["WEB_WORKERS"]))
            self.cfg.set("accesslog", None)  # requests are logged by the app (webapp.logs)

        def load(self) -> Flask:
            app = create_app(overrides or None)
            start_worker(app)
            return app

    KlartextGunicorn().run()


@main.command()
@click.option("--burst", is_flag=True, help="Run the jobs queued now, then stop.")
def worker(burst: bool) -> None:
    """Run background jobs: from Redis when REDIS_URL is set, else by polling the database."""
    from . import queue
    from .jobs import Worker, run_pending
    from .logs import configure

    app = queue.worker_app()
    configure(str(app.config["LOG_FORMAT"]), str(app.config["LOG_LEVEL"]))
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
    extracted = read_input(source, IngestSettings.from_config(app.config))
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
    release = _parsed(source)
    print_json(release.to_dict())


def _parsed(source: str) -> Release:
    """Read and parse PATH, URL or '-' (no app needed beyond the ingestion settings)."""
    app = create_app({"WORKER": "none"})
    extracted = read_input(source, IngestSettings.from_config(app.config))
    try:
        return parse_release(
            extracted.text, source=Source(kind=extracted.kind, filename=extracted.filename, url=extracted.url)
        )
    except ParseError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command()
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the full analysis as JSON.")
def analyze(source: str, as_json: bool) -> None:
    """Readability of a release (title, subtitle, lead, body) from PATH, URL or -."""
    from simplify.readability import analyze_release

    result = analyze_release(_parsed(source))
    if as_json:
        print_json(result.to_dict())
        return
    c = result.counts
    click.echo(f"{c.sentences} Sätze, {c.words} Wörter, {c.syllables} Silben – insgesamt: {result.band}")
    for name, score in vars(result.scores).items():
        value = "nicht messbar" if score.value is None else f"{score.value:.1f}".replace(".", ",")
        click.echo(f"{name}: {value} ({score.band})")
    click.echo(f"{len(result.findings)} Hinweise zu schweren Stellen")


@main.command("simplify")
@click.argument("source")
@click.option("--json", "as_json", is_flag=True, help="Print the plain version as JSON.")
def simplify_cmd(source: str, as_json: bool) -> None:
    """Leichte-Sprache draft of a release from PATH, URL or -."""
    from simplify.plain import SimplifyError, simplify

    try:
        plain = simplify(_parsed(source))
    except SimplifyError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        print_json(plain.to_dict())
        return
    click.echo(plain.label)
    click.echo("\nDas Wichtigste in Kürze\n" + plain.summary_text())
    click.echo("\n" + plain.text())
    if plain.glossary:
        click.echo("\nWörterbuch")
        for entry in plain.glossary:
            click.echo(f"{entry.word}: {entry.explanation}")


@main.command()
@click.argument("source")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Where to write the MP3.")
@click.option("--version", "version", type=click.Choice(["original", "plain"]), default="original")
@click.option("--vtt", type=click.Path(dir_okay=False), help="Also write the transcript as WebVTT.")
@click.option("--engine", default=None, help="Speech engine (espeak or gtts); default KLARTEXT_TTS_ENGINE.")
@click.option("--script", "show_script", is_flag=True, help="Print the spoken script instead of speaking.")
def speak(
    source: str, output: str | None, version: str, vtt: str | None, engine: str | None, show_script: bool
) -> None:
    """Read a release aloud into an MP3 (or print the spoken script with --script)."""
    from audio.engine import SpeechError
    from audio.normalize import normalize
    from audio.reading import record as record_reading
    from audio.tags import EpisodeTags
    from simplify.plain import SimplifyError, simplify

    from .readings import build_reading, publisher_of, synthesis_config

    release = _parsed(source)
    app = create_app({"WORKER": "none"})
    try:
        plain = simplify(release).to_dict() if version == "plain" else None
    except SimplifyError as exc:
        raise click.ClickException(str(exc)) from exc
    with app.app_context():
        reading = build_reading(release, version, None, plain)
        publisher = publisher_of(release)
    if reading is None:  # cannot happen: the original always has a reading, the plain one was just made
        raise click.ClickException("Es gibt nichts vorzulesen.")
    script = normalize(reading.text)
    if show_script:
        click.echo(script.text)
        return
    if not output:
        raise click.UsageError("Bitte geben Sie mit -o an, wohin die MP3-Datei geschrieben wird.")
    try:
        with app.app_context():
            config = synthesis_config(engine)
        tags = EpisodeTags(
            title=release.title,
            artist=publisher,
            album=str(app.config["SITE_TITLE"]),
            date=release.date or "",
        )
        recorded = record_reading(reading, script, config, output, tags)
    except SpeechError as exc:
        raise click.ClickException(str(exc)) from exc
    if vtt:
        Path(vtt).write_text(recorded.vtt, encoding="utf-8")
    click.echo(f"{output}: {recorded.info.duration:.1f} s, {recorded.info.engine}/{recorded.info.voice}")
