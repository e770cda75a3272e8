"""The database: SQLAlchemy 2.0 through Flask-SQLAlchemy, schema through Alembic."""

from __future__ import annotations

from pathlib import Path

from flask import Flask
from flask_migrate import Migrate, upgrade
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import DeclarativeBase

MIGRATIONS_DIR = str(Path(__file__).parent / "migrations")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


from flask_sqlalchemy import SQLAlchemy  # noqa: E402  (needs Base)

db = SQLAlchemy(model_class=Base)
migrate = Migrate(directory=MIGRATIONS_DIR, render_as_batch=True)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, connection_record) -> None:  # type: ignore[no-untyped-def]
    """WAL lets the worker thread write while pages are read; foreign keys are off by default in SQLite."""
    module = type(dbapi_connection).__module__
    if module.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


def init_app(app: Flask) -> None:
    """Wire the database and migrations to the app."""
    db.init_app(app)
    migrate.init_app(app, db)

    @app.teardown_appcontext
    def _end_session(exc: BaseException | None) -> None:
        """End the session like Flask-SQLAlchemy does, but a connection that died during the request is
        invalidated instead of failing the answer (runs before Flask-SQLAlchemy's own teardown)."""
        try:
            db.session.remove()
        except DBAPIError:
            db.session().invalidate()
            db.session.remove()


def upgrade_database(app: Flask) -> None:
    """Create the database or bring it to the newest schema (idempotent)."""
    with app.app_context():
        upgrade(directory=MIGRATIONS_DIR)
