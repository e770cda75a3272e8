"""Editor pages (behind log-in): add releases, list them, see their state and jobs, publish."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from simplify.release import ParseError

from . import releases
from .auth import limiter
from .db import db
from .filters import STATE_LABELS
from .forms import ActionForm, IngestForm, PlainEditForm
from .ingest import IngestError, IngestSettings, text_from_paste, text_from_upload, text_from_url
from .models import ReleaseRecord, Revision
from .presenters import mark_checks
from .public import release_context
from .review import ReviewError, form_values, mark_checked, restore, save_plain

bp = Blueprint("editor", __name__, url_prefix="/redaktion")


@bp.before_request
@login_required
def _require_login() -> None:
    """Every editor page needs a logged-in editor."""


@bp.route("/")
def index():  # type: ignore[no-untyped-def]
    try:
        page = max(1, int(request.args.get("seite", "1")))
    except ValueError:
        page = 1
    per_page = int(current_app.config["PAGE_SIZE"])
    rows, total = releases.all_page(page, per_page)
    return render_template("editor/index.html", rows=rows, page=page, pages=max(1, -(-total // per_page)))


@bp.route("/neu", methods=["GET", "POST"])
@limiter.limit("60 per hour", methods=["POST"])
def new():  # type: ignore[no-untyped-def]
    form = IngestForm()
    if not form.validate_on_submit():
        return render_template("editor/new.html", form=form), (400 if request.method == "POST" else 200)
    upload = request.files.get(form.upload.name)
    chosen = [
        bool(form.text.data and form.text.data.strip()),
        bool(upload and upload.filename),
        bool(form.url.data and form.url.data.strip()),
    ]
    if sum(chosen) != 1:
        message = (
            "Bitte wählen Sie genau einen Weg: Text einfügen, Datei hochladen oder Adresse angeben."
            if sum(chosen) > 1
            else "Der Text ist leer. Bitte fügen Sie eine Pressemitteilung ein, laden Sie eine Datei hoch "
            "oder geben Sie eine Adresse an."
        )
        form.text.errors = [*form.text.errors, message]
        return render_template("editor/new.html", form=form), 400
    settings = IngestSettings.from_config(current_app.config)
    try:
        if chosen[0]:
            extracted = text_from_paste(form.text.data, settings)
        elif upload is not None and upload.filename:
            extracted = text_from_upload(upload.filename or "", upload.read(settings.max_bytes + 1), settings)
        else:
            extracted = text_from_url(form.url.data.strip(), settings)
        record = releases.store(extracted, current_user, publish=bool(form.publish.data))
    except IngestError as exc:
        db.session.rollback()
        form.text.errors = [*form.text.errors, exc.message]
        return render_template("editor/new.html", form=form), exc.status
    except ParseError as exc:
        db.session.rollback()
        form.text.errors = [*form.text.errors, str(exc)]
        return render_template("editor/new.html", form=form), 422
    if record.language != "de":
        flash(
            "Hinweis: Dieser Text scheint nicht auf Deutsch zu sein. Klartext ist für deutsche Texte "
            "gemacht; Lesbarkeit und Leichte Sprache werden dafür nicht berechnet."
        )
    flash(f"Die Pressemitteilung „{record.title}“ ist gespeichert.")
    return redirect(url_for("editor.release", release_id=record.id), code=303)


def _record_or_404(release_id: int) -> ReleaseRecord:
    record = db.session.get(ReleaseRecord, release_id)
    if record is None:
        abort(404)
    return record


@bp.route("/pm/<int:release_id>")
def release(release_id: int):  # type: ignore[no-untyped-def]
    record = _record_or_404(release_id)
    plain = record.plain or {"text": "", "summary": []}
    lines, marks = mark_checks(plain["text"], plain.get("checks", []))
    summary = "\n".join(s["text"] for s in plain["summary"])
    summary_lines, summary_marks = mark_checks(summary, plain.get("summary_checks", []))
    revisions = releases.revisions_of(record)
    return render_template(
        "editor/release.html",
        action_form=ActionForm(),
        check_lines=lines,
        check_marks=marks,
        summary_lines=summary_lines,
        summary_marks=summary_marks,
        revisions=revisions,
        **release_context(record),
    )


@bp.route("/pm/<int:release_id>/leichte-sprache", methods=["GET", "POST"])
def edit_plain(release_id: int):  # type: ignore[no-untyped-def]
    record = _record_or_404(release_id)
    if not record.plain:
        flash("Es gibt noch keine Fassung in Leichter Sprache zum Bearbeiten.")
        return redirect(url_for("editor.release", release_id=record.id), code=303)
    form = PlainEditForm(data=form_values(record.plain) if request.method == "GET" else None)
    if form.validate_on_submit():
        try:
            changed = save_plain(record, current_user, form.summary.data, form.text.data, form.glossary.data)
        except ReviewError as exc:
            db.session.rollback()
            form.text.errors = [*form.text.errors, str(exc)]
            return render_template("editor/plain_edit.html", form=form, record=record), 422
        flash(
            "Gespeichert. Die Fassung wird neu geprüft und neu vorgelesen."
            if changed
            else "Keine Änderung – nichts gespeichert."
        )
        return redirect(url_for("editor.release", release_id=record.id), code=303)
    return render_template("editor/plain_edit.html", form=form, record=record), (
        400 if request.method == "POST" else 200
    )


@bp.route("/pm/<int:release_id>/geprueft", methods=["POST"])
def checked(release_id: int):  # type: ignore[no-untyped-def]
    record = _record_or_404(release_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        mark_checked(record, current_user)
    except ReviewError as exc:
        flash(str(exc))
    else:
        flash("Vermerkt: Die Fassung in Leichter Sprache ist von Prüflesenden geprüft.")
    return redirect(url_for("editor.release", release_id=record.id), code=303)


@bp.route("/pm/<int:release_id>/fassungen/<int:revision_id>/wiederherstellen", methods=["POST"])
def restore_revision(release_id: int, revision_id: int):  # type: ignore[no-untyped-def]
    record = _record_or_404(release_id)
    revision = db.session.get(Revision, revision_id)
    if revision is None or not ActionForm().validate_on_submit():
        abort(404 if revision is None else 400)
    try:
        restore(record, revision, current_user)
    except ReviewError as exc:
        flash(str(exc))
    else:
        flash("Die frühere Fassung ist wiederhergestellt. Sie wird neu geprüft und neu vorgelesen.")
    return redirect(url_for("editor.release", release_id=record.id), code=303)


@bp.route("/pm/<int:release_id>/status", methods=["POST"])
def set_state(release_id: int):  # type: ignore[no-untyped-def]
    record = _record_or_404(release_id)
    form = ActionForm()
    state = request.form.get("state", "")
    if not form.validate_on_submit() or state not in ReleaseRecord.STATES:
        abort(400)
    before = record.state
    releases.set_state(record, state)
    db.session.add(
        Revision(
            release_id=record.id,
            user=current_user,
            field="state",
            data={"from": before, "to": state},
            note=f"Status: {STATE_LABELS.get(before, before)} → {STATE_LABELS[state]}",
        )
    )
    db.session.commit()
    flash(f"Neuer Status: {STATE_LABELS[state]}.")
    return redirect(url_for("editor.release", release_id=record.id), code=303)
