"""Every setting Klartext reads, in one declarative table.

Each setting ``NAME`` is read from the environment variable ``KLARTEXT_NAME``
(Flask's ``from_prefixed_env``: values that parse as JSON — numbers, ``true``,
``false`` — become those types). README.md renders this table; a test checks
that every setting is documented there.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "SECRET_KEY",
        None,
        "Key that signs sessions and CSRF tokens. Unset: generated once and kept in "
        "the instance folder (`secret_key`).",
    ),
    Setting(
        "DATABASE_URL",
        None,
        "SQLAlchemy database URL. Unset: SQLite file `klartext.sqlite3` in the "
        "instance folder. The plain `DATABASE_URL` variable is read too.",
    ),
    Setting(
        "INSTANCE_PATH",
        None,
        "Folder for the database, the secret key and audio files. Unset: "
        "`instance/` in the working directory.",
    ),
    Setting(
        "AUDIO_DIR",
        None,
        "Folder for rendered audio, transcripts and chapters. Unset: `audio/` in the instance folder.",
    ),
    Setting("HOST", "127.0.0.1", "Address `klartext serve` listens on."),
    Setting("PORT", 5000, "Port `klartext serve` listens on."),
    Setting(
        "BASE_URL",
        None,
        "Public address of the site (e.g. `https://presse.example.de`), used in feeds "
        "and printed links. Unset: taken from the request, or `http://HOST:PORT` on the command line.",
    ),
    Setting(
        "SITE_TITLE", "Klartext – Pressemitteilungen", "Name of the site, shown in the page header and feeds."
    ),
    Setting("PUBLISHER", "Klartext", "Who publishes the releases (artist in the MP3 tags, author in feeds)."),
    Setting(
        "MAX_TEXT_BYTES",
        2_000_000,
        "Largest pasted text, upload or fetched page in bytes; larger input is refused with 413.",
    ),
    Setting("FETCH_TIMEOUT", 10.0, "Seconds to wait for a release URL to connect and to answer."),
    Setting(
        "ALLOW_PRIVATE_URLS",
        False,
        "Allow fetching URLs that resolve to loopback, private or link-local "
        "addresses (only for intranet set-ups).",
    ),
    Setting("LOG_FORMAT", "text", "`text` for people, `json` for one JSON object per line (log collectors)."),
    Setting("LOG_LEVEL", "INFO", "Lowest level that is logged (DEBUG, INFO, WARNING, ERROR)."),
    Setting("WEB_WORKERS", 3, "Number of gunicorn worker processes for `klartext serve --production`."),
    Setting(
        "TTS_ENGINE",
        "espeak",
        "Speech engine: `espeak` (offline, default) or `gtts` (Google's online voice; needs internet).",
    ),
    Setting("TTS_VOICE", "de", "Voice of the speech engine (espeak voice name)."),
    Setting("TTS_RATE", 160, "Speaking rate in words per minute (80–450)."),
    Setting(
        "TTS_FALLBACK_ENGINE",
        None,
        "Engine to read with when the configured one fails (e.g. `espeak` when `gtts` is offline); "
        "unset: the job fails and shows why.",
    ),
    Setting(
        "READ_CONTACT_DETAILS",
        False,
        "Read the press contact's phone number and e-mail address aloud (by default only the name).",
    ),
    Setting(
        "WORKER",
        "thread",
        "`thread`: run jobs in a thread inside the web process; `none`: do not run jobs in this process.",
    ),
    Setting(
        "REDIS_URL",
        None,
        "Redis address for the job queue (RQ), e.g. `redis://127.0.0.1:6379/0`. Set: the web process only "
        "queues jobs and `klartext worker` processes run them; rate-limit counters live there too. "
        "The plain `REDIS_URL` variable is read too.",
    ),
    Setting(
        "QUEUE_NAME",
        "klartext",
        "Name of the RQ queue in Redis (and prefix of its job ids); sites sharing one Redis "
        "need different names.",
    ),
    Setting(
        "QUEUE_SYNC_SECONDS",
        30,
        "How often a `klartext worker` pushes jobs still queued in the database to Redis, so a Redis "
        "restart loses none.",
    ),
    Setting(
        "JOB_TIMEOUT",
        600,
        "Seconds a job may run in a `klartext worker` before it is stopped and marked failed.",
    ),
    Setting(
        "HTTPS",
        None,
        "Whether the site is served over https: the session cookie is then sent over https only. "
        "Unset: true when `BASE_URL` starts with `https://`.",
    ),
    Setting("WORKER_POLL_SECONDS", 1.0, "How often the in-process worker looks for new jobs."),
    Setting("JOB_MAX_ATTEMPTS", 3, "How often a job is tried before it is marked failed."),
    Setting("LOGIN_RATE_LIMIT", "5 per 15 minutes", "Failed log-ins allowed per address and user name."),
    Setting(
        "RATELIMIT_STORAGE_URI", "memory://", "Where rate-limit counters live (Flask-Limiter storage URI)."
    ),
    Setting("API_RATE_LIMIT", "120 per minute", "Requests per address allowed on the JSON API (`/api/`)."),
    Setting("PAGE_SIZE", 20, "Releases per page on the index and in the editor list."),
    Setting(
        "PAGE_CACHE_SECONDS",
        5,
        "Seconds each web process answers visitors who are not logged in from its stored copy of a public "
        "page (index, release, about page). A change empties the cache of the process that made it at once; "
        "other processes show it within this time plus one page render. `0` turns the cache off.",
    ),
    Setting("FEED_MAX_ITEMS", 100, "Newest items in each podcast feed (RSS and JSON Feed)."),
    Setting(
        "OWNER_EMAIL",
        "redaktion@example.invalid",
        "E-mail address of the podcast owner in the feeds (`itunes:owner`); podcast directories such as "
        "Apple's send ownership checks there, so set a real one.",
    ),
    Setting(
        "COVER_IMAGE",
        None,
        "Path of the podcast cover, a square PNG or JPEG of 1400–3000 px. Unset: a generated cover.",
    ),
    Setting(
        "FEED_CATEGORIES",
        "Government, News/Politics",
        "Apple Podcasts categories of the feeds, comma-separated; `Main/Sub` for a subcategory.",
    ),
    Setting(
        "CREATE_FIRST_EDITOR",
        True,
        "On `klartext serve` with no editor yet: create the editor `redaktion` "
        "and print a one-time password that must be changed at first log-in.",
    ),
)


def defaults() -> dict[str, Any]:
    """The default configuration, keyed by setting name."""
    return {s.name: s.default for s in SETTINGS}
