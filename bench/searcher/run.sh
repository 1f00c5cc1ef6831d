#!/usr/bin/env bash
# Searcher latency benchmark (not a test): arkiv against SQLite FTS5 on the same corpus and queries.
#   bench/searcher/run.sh CORPUS [BUILD_DIR]
# CORPUS is a folder made by make-corpus.py (language folders and truth.jsonl). From scratch it
# builds arkiv-index and the harness, indexes CORPUS, writes the query log, builds the FTS5 table
# and runs both sides. Environment:
#   ARKIV_BENCH_WORK  work folder (default /tmp/arkiv-bench-searcher): queries, FTS5 db, logs
#   ARKIV_BENCH_DB    an existing arkiv index of CORPUS to use instead of indexing it again
#                     (FTS5 then holds only the files that index holds, so a partial index compares
#                     like with like)
#   ARKIV_BENCH_RUNS  timed passes per side after the warm-up pass (default 3; medians reported)
#   ARKIV_BENCH_QUERIES  number of queries (default 1200)
# Figures go to bench/RESULTS.md by hand: the commands, the machine, the load, the medians.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${1:?usage: bench/searcher/run.sh CORPUS [BUILD_DIR]}
CORPUS=$(cd "$CORPUS" && pwd)
BUILD=${2:-$ROOT/build-searchbench}
WORK=${ARKIV_BENCH_WORK:-/tmp/arkiv-bench-searcher}
RUNS=${ARKIV_BENCH_RUNS:-3}
COUNT=${ARKIV_BENCH_QUERIES:-1200}
# Debian's python3 has FTS5 and the Xapian bindings (used to list the files a given index holds).
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=python3
[ -f "$CORPUS/truth.jsonl" ] || { echo "bench: $CORPUS has no truth.jsonl (not a make-corpus.py corpus)" >&2; exit 2; }
mkdir -p "$WORK"

[ -f "$BUILD/CMakeCache.txt" ] || cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$BUILD" -j2 --target arkiv-index arkiv_searcher_bench >/dev/null

echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
lscpu | head -n 15 | sed 's/^/  /'

DB=${ARKIV_BENCH_DB:-$WORK/arkiv-db}
if [ -z "${ARKIV_BENCH_DB:-}" ] && [ ! -d "$DB" ]; then
  INPUTS=()
  for folder in "$CORPUS"/*/; do INPUTS+=("${folder%/}"); done
  /usr/bin/time -f "index: %e s wall, peak RSS %M KB" "$BUILD/indexer/arkiv-index" --jobs 2 --db "$DB" "${INPUTS[@]}" \
    >/dev/null 2> "$WORK/index.err" || { tail -n 5 "$WORK/index.err" >&2; exit 2; }
  tail -n 2 "$WORK/index.err"
fi

python3 "$ROOT/bench/searcher/make_queries.py" "$CORPUS" "$WORK/queries.tsv" --count "$COUNT"
if [ ! -f "$WORK/fts5.db" ] || [ "$WORK/fts5.db" -ot "$DB" ]; then
  "$PYTHON" "$ROOT/bench/searcher/fts5_bench.py" build "$CORPUS" "$WORK/fts5.db" --only-indexed "$DB"
fi

echo "load before arkiv: $(uptime)"
"$BUILD/bench/searcher/arkiv_searcher_bench" --db "$DB" --queries "$WORK/queries.tsv" --runs "$RUNS" \
  --facets all --per-query "$WORK/arkiv-per-query.tsv" 2> "$WORK/arkiv.err" | tee "$WORK/arkiv.out"
echo "load before fts5: $(uptime)"
"$PYTHON" "$ROOT/bench/searcher/fts5_bench.py" run "$WORK/fts5.db" "$WORK/queries.tsv" --runs "$RUNS" \
  --per-query "$WORK/fts5-per-query.tsv" | tee "$WORK/fts5.out"
echo "load after: $(uptime)"

# Ratios of the medians (FTS5 / arkiv: above 1 means arkiv is faster).
# Wall time is what a user waits; thread CPU time is not stretched by other load on the cores.
field() { sed -E "s/.* $1 ([0-9.]+) ms.*/\1/" <<< "$2"; }
for clock in "" "cpu "; do
  arkiv_line=$(grep "^arkiv ${clock}median" "$WORK/arkiv.out")
  fts5_line=$(grep "^fts5 ${clock}median" "$WORK/fts5.out")
  for p in p50 p90 p99; do
    awk -v a="$(field $p "$arkiv_line")" -v f="$(field $p "$fts5_line")" -v p="${clock}$p" \
      'BEGIN {printf "%s: arkiv %.2f ms, fts5 %.2f ms, fts5/arkiv %.2fx\n", p, a, f, f / a}'
  done
done
