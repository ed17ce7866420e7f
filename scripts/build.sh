#!/usr/bin/env bash
# Install everything and build the handbook strictly into _build/html.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
.venv/bin/python scripts/build_book.py
