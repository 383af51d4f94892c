#!/bin/bash
# tests/benchmarks/compromise-bench.sh CORPUS_FILE [ROUNDS]
# Installs the compromise NLP library from npm into a cache folder when asked
# for the first time, then prints its words per second on CORPUS_FILE as JSON.
set -e
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${ANNOTATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/article-annotator}/compromise
if [ ! -d "$dir/node_modules/compromise" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm install --silent --no-audit --no-fund compromise@14 >/dev/null)
fi
COMPROMISE_DIR=$dir/node_modules exec node "$here/compromise-bench.mjs" "$@"
