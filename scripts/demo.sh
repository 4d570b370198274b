#!/usr/bin/env bash
# README command 1: install, then run the main job on the bundled sample articles with the embedded SQLite store.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export EVINTEL_DB=${EVINTEL_DB:-evintel.db}
.venv/bin/evintel extract samples/articles.jsonl --format table
.venv/bin/evintel ingest samples/
.venv/bin/evintel stats
.venv/bin/evintel conflicts
echo
echo "Explore it:  .venv/bin/evintel entity 'BMW Group'   or   .venv/bin/evintel serve  (http://127.0.0.1:8000)"
