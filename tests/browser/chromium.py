"""Where the browser tests find Debian's Chromium, and how they start it (never a downloaded browser)."""

from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--mute-audio",
)
MISSING = (
    f"Chromium not found at {CHROMIUM}. Install it with `apt-get install -y chromium` "
    "(never `playwright install`)."
)


def must_not_skip() -> bool:
    """Under CI a missing browser fails the run: skipped accessibility tests would pass unnoticed."""
    return bool(os.environ.get("CI"))
