#!/usr/bin/env bash
# Relevance on the development set: indexes corpus/samples/ into a temporary database with
# arkiv-index, runs every query of queries.json (filters included) through arkiv_dev_run (the
# public searcher API, top 10 with whole section text) and scores the run with evaluate.py,
# once on whole hits and once with hits cut to 200 words (comparable to the baselines).
#
# Usage: bench/eval/run-dev.sh [--build DIR] [--eval DIR] [--keep DIR] [--per-query]
#                              [--min-ndcg X] [--min-category-ndcg X]
#   --build DIR   build folder holding indexer/arkiv-index and bench/eval/arkiv_dev_run
#                 (default: build-ranking, else build, in the checkout)
#   --eval DIR    folder with queries.json, evaluate.py, normalize.py (default: ../shared/eval/dev
#                 beside the checkout, else the copy in tests/data/eval-dev)
#   --keep DIR    write the database, run file and scores there instead of a removed temp folder
#   --min-ndcg X  exit 1 unless overall nDCG@10 (whole hits) is at least X (the regression test)
#   --min-category-ndcg X  exit 1 unless every category's nDCG@10 is at least X
#   --whole-only  skip the 200-word pass (the regression test, to stay fast)
#   --set NAME=VALUE  a ranking parameter of SearcherOptions for this run (repeatable; see arkiv_dev_run)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD="" EVAL="" KEEP="" PER_QUERY="" MIN_NDCG="" MIN_CATEGORY="" SETTINGS=() WHOLE_ONLY=""
while [ $# -gt 0 ]; do
  case $1 in
    --build) BUILD=$2; shift 2 ;;
    --eval) EVAL=$2; shift 2 ;;
    --keep) KEEP=$2; shift 2 ;;
    --per-query) PER_QUERY=--per-query; shift ;;
    --whole-only) WHOLE_ONLY=1; shift ;;
    --min-ndcg) MIN_NDCG=$2; shift 2 ;;
    --min-category-ndcg) MIN_CATEGORY=$2; shift 2 ;;
    --set) SETTINGS+=(--set "$2"); shift 2 ;;
    *) echo "run-dev.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
if [ -z "$BUILD" ]; then
  for candidate in "$ROOT/build-ranking" "$ROOT/build"; do
    [ -x "$candidate/bench/eval/arkiv_dev_run" ] && { BUILD=$candidate; break; }
  done
fi
if [ -z "$EVAL" ]; then
  EVAL=$ROOT/../shared/eval/dev
  [ -f "$EVAL/evaluate.py" ] || EVAL=$ROOT/tests/data/eval-dev
fi
INDEX=$BUILD/indexer/arkiv-index
RUN=$BUILD/bench/eval/arkiv_dev_run
for tool in "$INDEX" "$RUN"; do
  [ -x "$tool" ] || { echo "run-dev.sh: build $(basename "$tool") first ($tool)" >&2; exit 2; }
done
[ -f "$EVAL/evaluate.py" ] || { echo "run-dev.sh: no evaluate.py in $EVAL" >&2; exit 2; }

if [ -n "$KEEP" ]; then
  WORK=$KEEP
  rm -rf "$WORK/db"
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/arkiv-dev-eval.XXXXXX")
  trap 'rm -rf "$WORK"' EXIT
fi

# The data files (registries, lexicons) are read from this checkout.
export ARKIV_DATA_DIR=${ARKIV_DATA_DIR:-$ROOT}
"$INDEX" --db "$WORK/db" --jobs 1 "$ROOT"/corpus/samples/*.txt > "$WORK/index.log" 2>&1
"$RUN" --db "$WORK/db" --queries "$EVAL/queries.json" --out "$WORK/run.jsonl" ${SETTINGS[@]+"${SETTINGS[@]}"}

echo "== whole sections"
python3 "$EVAL/evaluate.py" "$WORK/run.jsonl" --queries "$EVAL/queries.json" --docs "$EVAL/docs.json" \
  --json "$WORK/scores.json" $PER_QUERY
if [ -z "$WHOLE_ONLY" ]; then
  echo
  echo "== hits cut to 200 words (comparable to the baselines)"
  python3 "$EVAL/evaluate.py" "$WORK/run.jsonl" --queries "$EVAL/queries.json" --docs "$EVAL/docs.json" \
    --max-words 200 $PER_QUERY
fi

if [ -n "$MIN_NDCG$MIN_CATEGORY" ]; then
  python3 - "$WORK/scores.json" "${MIN_NDCG:-0}" "${MIN_CATEGORY:-0}" <<'EOF'
import json, sys
scores = json.load(open(sys.argv[1], encoding="utf-8"))
floor, category_floor = float(sys.argv[2]), float(sys.argv[3])
failed = []
if scores["overall"]["ndcg"] < floor:
    failed.append("overall nDCG@10 %.3f < %.3f" % (scores["overall"]["ndcg"], floor))
for name, row in sorted(scores["categories"].items()):
    if row["ndcg"] < category_floor:
        failed.append("%s nDCG@10 %.3f < %.3f" % (name, row["ndcg"], category_floor))
for line in failed:
    print("run-dev.sh: FAIL: " + line)
sys.exit(1 if failed else 0)
EOF
fi
