"""Flask-WTF forms (every form carries a CSRF token)."""

from __future__ import annotations

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import BooleanField, PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, EqualTo, Length, Optional


class LoginForm(FlaskForm):
    username = StringField(
        "Benutzername", validators=[DataRequired("Bitte geben Sie Ihren Benutzernamen ein.")]
    )
    password = PasswordField("Passwort", validators=[DataRequired("Bitte geben Sie Ihr Passwort ein.")])


class ChangePasswordForm(FlaskForm):
    password = PasswordField(
        "Neues Passwort",
        validators=[
            DataRequired("Bitte geben Sie ein neues Passwort ein."),
            Length(min=10, message="Das Passwort muss mindestens 10 Zeichen lang sein."),
        ],
    )
    confirm = PasswordField(
        "Neues Passwort wiederholen",
        validators=[EqualTo("password", message="Die beiden Passwörter stimmen nicht überein.")],
    )


class IngestForm(FlaskForm):
    """Add a release by pasting, uploading or naming a URL (exactly one of them)."""

    text = TextAreaField("Text einfügen", validators=[Optional()])
    upload = FileField("Datei hochladen (.txt, .html, .md, .docx, .pdf)")
    url = StringField("Adresse (URL) der Pressemitteilung", validators=[Optional(), Length(max=2000)])
    publish = BooleanField("Sofort veröffentlichen")


class ActionForm(FlaskForm):
    """A button-only form (publish, unpublish, retry): carries just the CSRF token."""


class PlainEditForm(FlaskForm):
    """The plain version as text (see webapp.review for the format)."""

    summary = TextAreaField("Das Wichtigste in Kürze (ein Satz pro Zeile)")
    text = TextAreaField(
        "Die Pressemitteilung in Leichter Sprache (Abschnitte durch Leerzeilen getrennt; erste Zeile = "
        "Überschrift; ein Satz pro Zeile; Aufzählungen mit „• “)"
    )
    glossary = TextAreaField("Wörterbuch (eine Zeile pro Wort: „Wort: Erklärung“)")
