#!/usr/bin/env bash
# Indexer benchmark (not a test). In each round, on the same corpus and under the same load:
#   1. arkiv-index --jobs 2 into a fresh database (wall time, MB/s of text, peak RSS); a fresh
#      database is built in 2 parallel shards merged by compaction (docs/schema.md), so it is
#      already compacted,
#   2. arkiv-index --jobs 2 again over the unchanged corpus (the incremental re-run),
#   3. omindex --stemmer=danish into a fresh database (wall time, MB/s, peak RSS),
#   4. arkiv-index --jobs 1 into a fresh database, through the single writer (skip with
#      ARKIV_BENCH_JOBS1=0).
# After the last round both databases are compacted with xapian-compact and their sizes are
# given as a ratio of the text size (arkiv's stored document data holds the section text).
# Medians over the rounds are printed last; record them in bench/RESULTS.md with the command.
#
# Usage: bench/indexer/run.sh CORPUS [ROUNDS]
#   CORPUS  a folder made by python3 /work/shared/bench/make-corpus.py CORPUS --mb 200
#   ROUNDS  default 1
# Environment: ARKIV_BUILD (build folder with indexer/arkiv-index; default ./build),
#              ARKIV_BENCH_WORK (scratch folder; default /tmp/arkiv-bench-indexer).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CORPUS=${1:?usage: bench/indexer/run.sh CORPUS [ROUNDS]}
ROUNDS=${2:-1}
BUILD=${ARKIV_BUILD:-$ROOT/build}
INDEX=$BUILD/indexer/arkiv-index
WORK=${ARKIV_BENCH_WORK:-/tmp/arkiv-bench-indexer}
[ -x "$INDEX" ] || { echo "bench: build arkiv-index first ($INDEX)" >&2; exit 2; }
[ -d "$CORPUS" ] || { echo "bench: no corpus folder $CORPUS" >&2; exit 2; }
CORPUS=$(cd "$CORPUS" && pwd)
# arkiv-index gets the language folders (the generator's truth.jsonl at the top is no document).
INPUTS=()
for folder in "$CORPUS"/*/; do INPUTS+=("${folder%/}"); done
mkdir -p "$WORK"
RESULTS=$WORK/results.tsv
: > "$RESULTS"

# The generator's truth.jsonl sits at the top; the documents are the .txt files below it.
text_bytes=$(find "$CORPUS" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "date:    $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB RAM"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg) (1/5/15 min) at start"
echo "corpus:  $CORPUS, $(find "$CORPUS" -type f -name '*.txt' | wc -l) files, $(awk -v b="$text_bytes" 'BEGIN {printf "%.1f", b/1e6}') MB of text"

# timed LABEL COMMAND...: runs COMMAND under /usr/bin/time -v, prints and records wall seconds,
# MB/s of the corpus text, CPU seconds and peak RSS.
timed() {
  local label=$1; shift
  /usr/bin/time -v "$@" > /dev/null 2> "$WORK/$label.err" || true
  local seconds cpu rss
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/$label.err")
  cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {print s}' "$WORK/$label.err")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$WORK/$label.err")
  local rate
  rate=$(awk -v b="$text_bytes" -v s="$seconds" 'BEGIN {printf "%.2f", b/1e6/s}')
  printf '%-12s %8.1f s wall %7.2f MB/s %8.1f s CPU  peak RSS %5s MB  %s\n' "$label" "$seconds" "$rate" "$cpu" "$rss" \
    "$(grep -h '^arkiv-index: .* added' "$WORK/$label.err" | sed 's/^arkiv-index: //')"
  printf '%s\t%s\t%s\t%s\t%s\n' "${label%%#*}" "$seconds" "$rate" "$cpu" "$rss" >> "$RESULTS"
}

for round in $(seq "$ROUNDS"); do
  echo "round $round, load $(cut -d' ' -f1 /proc/loadavg)"
  rm -rf "$WORK/arkiv-db" "$WORK/arkiv-db1" "$WORK/omega-db"
  timed "jobs2#$round" "$INDEX" --jobs 2 --db "$WORK/arkiv-db" "${INPUTS[@]}"
  timed "rerun#$round" "$INDEX" --jobs 2 --db "$WORK/arkiv-db" "${INPUTS[@]}"
  if command -v omindex > /dev/null; then
    timed "omindex#$round" omindex --stemmer=danish --mime-type=jsonl:ignore --db "$WORK/omega-db" --url / "$CORPUS"
  fi
  if [ "${ARKIV_BENCH_JOBS1:-1}" != 0 ]; then
    timed "jobs1#$round" "$INDEX" --jobs 1 --db "$WORK/arkiv-db1" "${INPUTS[@]}"
    rm -rf "$WORK/arkiv-db1"
  fi
done

# size LABEL DB: bytes before and after xapian-compact, as a ratio of the text.
size() {
  local label=$1 db=$2
  [ -d "$db" ] || return 0
  rm -rf "$db.compact"
  xapian-compact "$db" "$db.compact" > /dev/null
  awk -v t="$text_bytes" -v d="$(du -sb "$db" | cut -f1)" -v c="$(du -sb "$db.compact" | cut -f1)" -v l="$label" \
    'BEGIN {printf "%-8s database %7.1f MB (%.2fx text), after xapian-compact %7.1f MB (%.2fx text)\n", l, d/1e6, d/t, c/1e6, c/t}'
}
size arkiv "$WORK/arkiv-db"
size omindex "$WORK/omega-db"

echo "medians over $ROUNDS round(s):"
for label in jobs2 rerun omindex jobs1; do
  awk -F'\t' -v l="$label" '$1 == l {print}' "$RESULTS" | sort -t$'\t' -k2,2n | awk -F'\t' '
    {s[NR]=$2; r[NR]=$3; c[NR]=$4; m[NR]=$5}
    END {if (NR) {i=int((NR+1)/2); printf "%-8s %8.1f s wall %7.2f MB/s %8.1f s CPU  peak RSS %5s MB\n", $1, s[i], r[i], c[i], m[i]}}'
done
# median LABEL: the median wall seconds of LABEL's runs.
median() { awk -F'\t' -v l="$1" '$1 == l {print $2}' "$RESULTS" | sort -n | awk '{v[NR]=$1} END {if (NR) print v[int((NR+1)/2)]}'; }
full=$(median jobs2) rerun=$(median rerun) omega=$(median omindex)
[ -n "$full" ] && [ -n "$rerun" ] && awk -v f="$full" -v r="$rerun" 'BEGIN {printf "re-run / full build: %.1f%%\n", 100*r/f}'
[ -n "$full" ] && [ -n "$omega" ] && awk -v f="$full" -v o="$omega" 'BEGIN {printf "arkiv --jobs 2 speed / omindex speed: %.2fx\n", o/f}'
