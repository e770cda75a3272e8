#!/usr/bin/env bash
# Install Klartext into .venv and start it on its embedded defaults
# (SQLite and audio files in ./instance, in-process job worker, offline voice).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/pip install --quiet --upgrade pip
.venv/bin/pip install --quiet -e .
exec .venv/bin/klartext serve "$@"
