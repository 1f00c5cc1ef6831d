#!/usr/bin/env bash
# Indexer benchmark (not a test): full build with 2 jobs and with 1 job, incremental re-run,
# database size after compaction against the text size, peak RSS, and omindex for comparison.
# Usage: bench/indexer/run.sh [BUILD_DIR]   (a RelWithDebInfo or Release build of arkiv-index)
# Figures go to bench/RESULTS.md by hand: record the command, the machine and the medians.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$ROOT/build}
INDEX=$BUILD/indexer/arkiv-index
CORPUS=${ARKIV_BENCH_CORPUS:-/tmp/arkiv-bench-200}
WORK=${ARKIV_BENCH_WORK:-/tmp/arkiv-bench-indexer}
RUNS=${ARKIV_BENCH_RUNS:-1}
[ -x "$INDEX" ] || { echo "bench: build arkiv-index first ($INDEX)" >&2; exit 2; }
[ -d "$CORPUS" ] || python3 /work/shared/bench/make-corpus.py "$CORPUS" --mb 200
mkdir -p "$WORK"
# The generator's truth.jsonl sits at the top; index the language folders only.
INPUTS=()
for folder in "$CORPUS"/*/; do INPUTS+=("${folder%/}"); done
text_bytes=$(find "$CORPUS" -type f ! -name '.*' ! -name '*.meta.json' ! -name manifest.csv ! -name '*.jsonl' -printf '%s\n' | awk '{s+=$1} END {print s}')
text_mb=$(awk -v b="$text_bytes" 'BEGIN {printf "%.1f", b/1e6}')
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "corpus: $CORPUS, $text_mb MB of text"

# run_index LABEL ARGS...: prints wall seconds, MB/s and peak RSS of one arkiv-index run.
run_index() {
  local label=$1; shift
  /usr/bin/time -v "$INDEX" "$@" 2> "$WORK/$label.err" >/dev/null || true
  local seconds rss
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/$label.err")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$label.err")
  printf '%-22s %8.1f s %8.2f MB/s  peak RSS %5s MB  | %s\n' "$label" "$seconds" \
    "$(awk -v b="$text_bytes" -v s="$seconds" 'BEGIN {print b/1e6/s}')" "$rss" "$(grep '^arkiv-index: .* added' "$WORK/$label.err")"
}

for run in $(seq "$RUNS"); do
  rm -rf "$WORK/db2" "$WORK/db1" "$WORK/compact"
  run_index "full --jobs 2 #$run" --jobs 2 --db "$WORK/db2" "${INPUTS[@]}"
  run_index "rerun --jobs 2 #$run" --jobs 2 --db "$WORK/db2" "${INPUTS[@]}"
  run_index "full --jobs 1 #$run" --jobs 1 --db "$WORK/db1" "${INPUTS[@]}"
  rm -rf "$WORK/db1"
done
db_bytes=$(du -sb "$WORK/db2" | cut -f1)
xapian-compact "$WORK/db2" "$WORK/compact" >/dev/null
compact_bytes=$(du -sb "$WORK/compact" | cut -f1)
awk -v t="$text_bytes" -v d="$db_bytes" -v c="$compact_bytes" \
  'BEGIN {printf "database: %.1f MB (%.2fx text), after xapian-compact %.1f MB (%.2fx text)\n", d/1e6, d/t, c/1e6, c/t}'

if command -v omindex >/dev/null; then
  rm -rf /tmp/omega-db
  /usr/bin/time -v omindex --stemmer=danish --db /tmp/omega-db --url / "$CORPUS" > /dev/null 2> "$WORK/omindex.err" || true
  awk -F': ' -v b="$text_bytes" '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i];
    printf "omindex: %.1f s, %.2f MB/s", s, b/1e6/s} /Maximum resident/ {printf ", peak RSS %.0f MB\n", $2/1024}' "$WORK/omindex.err"
  echo "omindex database: $(du -sm /tmp/omega-db | cut -f1) MB"
else
  echo "omindex: not installed (apt-get install xapian-omega) - skipped"
fi
