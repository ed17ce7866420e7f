#!/usr/bin/env bash
# Install everything and build the handbook strictly into _build/html.
# Options go to scripts/build_book.py: --force (rebuild everything), --overlay DIR (your own content).
set -euo pipefail
args=()
while [ $# -gt 0 ]; do            # a folder given relative to where you are, before moving to the book
  case "$1" in
    --overlay) args+=("$1"); shift; if [ $# -gt 0 ]; then args+=("$(realpath -m -- "$1")"); shift; fi ;;
    --overlay=*) args+=("--overlay=$(realpath -m -- "${1#--overlay=}")"); shift ;;
    *) args+=("$1"); shift ;;
  esac
done
cd "$(dirname "$0")/.."
bash scripts/setup.sh build
.venv/bin/python scripts/build_book.py ${args[@]+"${args[@]}"}
# The whole book as one PDF (_build/pdf/hls-handbook.pdf, also offered for download on the site).
pdf_args=()
for a in ${args[@]+"${args[@]}"}; do [ "$a" = --force ] && pdf_args+=(--force); done
.venv/bin/python scripts/build_pdf.py ${pdf_args[@]+"${pdf_args[@]}"}
