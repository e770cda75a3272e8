"""Editors: log-in with Flask-Login, hashed passwords, rate-limited failures."""

from __future__ import annotations

import secrets

from flask import Blueprint, Flask, flash, redirect, render_template, request, url_for
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_login import LoginManager, current_user, login_required, login_user, logout_user
from flask_wtf import CSRFProtect
from sqlalchemy import func, select

from .db import db
from .forms import ChangePasswordForm, LoginForm
from .models import User

bp = Blueprint("auth", __name__)
login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = "Bitte melden Sie sich an, um diese Seite zu sehen."
csrf = CSRFProtect()
limiter = Limiter(key_func=get_remote_address, default_limits=[])


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    return db.session.get(User, int(user_id))


def _login_key() -> str:
    return f"{get_remote_address()}|{(request.form.get('username') or '').strip().lower()}"


def _login_limit() -> str:
    from flask import current_app

    return str(current_app.config["LOGIN_RATE_LIMIT"])


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(
    _login_limit, key_func=_login_key, methods=["POST"], deduct_when=lambda r: r.status_code == 401
)
def login():  # type: ignore[no-untyped-def]
    form = LoginForm()
    if form.validate_on_submit():
        user = db.session.scalar(
            select(User).where(func.lower(User.username) == form.username.data.strip().lower())
        )
        if user is not None and user.check_password(form.password.data):
            login_user(user)
            if user.must_change_password:
                return redirect(url_for("auth.change_password"))
            target = request.args.get("next", "")
            if not target.startswith("/") or target.startswith("//"):
                target = url_for("editor.index")
            return redirect(target)
        form.password.errors.append(
            "Benutzername oder Passwort ist falsch. Bitte versuchen Sie es noch einmal."
        )
        return render_template("login.html", form=form), 401
    return render_template("login.html", form=form)


@bp.route("/logout", methods=["POST"])
@login_required
def logout():  # type: ignore[no-untyped-def]
    logout_user()
    flash("Sie sind abgemeldet.")
    return redirect(url_for("public.index"))


@bp.route("/passwort", methods=["GET", "POST"])
@login_required
def change_password():  # type: ignore[no-untyped-def]
    form = ChangePasswordForm()
    if form.validate_on_submit():
        current_user.set_password(form.password.data)
        current_user.must_change_password = False
        db.session.commit()
        flash("Ihr neues Passwort ist gespeichert.")
        return redirect(url_for("editor.index"))
    return render_template("change_password.html", form=form)


def create_user(username: str, password: str | None = None, must_change: bool = False) -> tuple[User, str]:
    """Create an editor; without a password a random one is made. Returns the user and the password."""
    username = username.strip()
    if not username:
        raise ValueError("Der Benutzername darf nicht leer sein.")
    if db.session.scalar(select(User).where(func.lower(User.username) == username.lower())):
        raise ValueError(f"Den Benutzer {username!r} gibt es schon.")
    password = password or secrets.token_urlsafe(12)
    if len(password) < 10:
        raise ValueError("Das Passwort muss mindestens 10 Zeichen lang sein.")
    user = User(username=username, must_change_password=must_change)
    user.set_password(password)
    db.session.add(user)
    db.session.commit()
    return user, password


def has_users() -> bool:
    return db.session.scalar(select(func.count(User.id))) > 0


def init_app(app: Flask) -> None:
    login_manager.init_app(app)
    csrf.init_app(app)
    limiter.init_app(app)
    app.register_blueprint(bp)

    @app.before_request
    def _force_password_change():  # type: ignore[no-untyped-def]
        if (
            current_user.is_authenticated
            and current_user.must_change_password
            and request.endpoint not in {"auth.change_password", "auth.logout", "static"}
        ):
            return redirect(url_for("auth.change_password"))
        return None
