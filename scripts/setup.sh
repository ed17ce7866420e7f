#!/usr/bin/env bash
# Create .venv (Python 3.11) and install what the project needs from its own files.
# Usage: bash scripts/setup.sh [build|test]   -- "test" adds the test extras and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-build}"
PY="${PYTHON:-python3.11}"
command -v "$PY" >/dev/null || PY=python3
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade "pip>=24"
if [ "$what" = test ]; then
  .venv/bin/python -m pip install -q -r requirements-test.txt
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing Debian's chromium for the browser tests (needs root)..."
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  fi
else
  .venv/bin/python -m pip install -q -r requirements.txt
fi
# The PDF book: WeasyPrint and the Pango library it draws text with.
.venv/bin/python -m pip install -q -r requirements-pdf.txt
if ! ldconfig -p | grep -q "libpangoft2-1.0.so.0"; then
  echo "Installing Debian's Pango for the PDF book (needs root)..."
  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libpango-1.0-0 libpangoft2-1.0-0
fi
# JavaScript that the built site serves itself (vega, widget manager, MathJax): never from a CDN.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
