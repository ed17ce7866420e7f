#!/usr/bin/env bash
# Install the test extras and run the whole suite: unit tests, the strict build, nbval over every
# chapter notebook, and the browser tests in headless Chromium with the network blocked.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
.venv/bin/python -m pytest "$@"
