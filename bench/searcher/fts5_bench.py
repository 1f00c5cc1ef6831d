#!/usr/bin/env python3
"""SQLite FTS5 peer of the searcher benchmark: the same queries' text part, same corpus text.

    fts5_bench.py build CORPUS DB [--only-indexed ARKIV_DB]
                                        one FTS5 row per section: a file is cut before each agenda
                                        heading line (Punkt N / Pkt. N / Sak N); the header is a row.
                                        --only-indexed: only the files an arkiv index holds (its
                                        file records; needs Debian's python3-xapian)
    fts5_bench.py run DB QUERIES.tsv [--runs 3] [--per-query OUT.tsv]
                                        one warm-up pass, then --runs timed passes of every query
                                        with a text part: MATCH, ORDER BY bm25, LIMIT 10

Tokenizer unicode61 with diacritics removed (FTS5's default family; no Danish stemmer exists in
SQLite). Timing is perf_counter around execute + fetchall, single thread, in this process.
"""
import argparse
import json
import re
import sqlite3
import statistics
import sys
import time
from pathlib import Path

HEADING = re.compile(r"^(?:Punkt|Pkt\.|Sak) \d", re.MULTILINE)
QUERY = "SELECT rowid, file, bm25(sections) FROM sections WHERE sections MATCH ? ORDER BY bm25(sections) LIMIT 10"


def sections_of(text):
    starts = [0] + [m.start() for m in HEADING.finditer(text) if m.start() > 0] + [len(text)]
    return [text[a:b] for a, b in zip(starts, starts[1:]) if text[a:b].strip()]


def indexed_files(arkiv_db):
    """Absolute paths of the files an arkiv index holds (file records, docs/schema.md)."""
    import xapian
    database = xapian.Database(str(arkiv_db))
    paths = set()
    for key in database.metadata_keys("file:"):
        paths.add(database.get_metadata(key).decode("utf-8").split("|", 4)[4])
    return paths


def build(corpus, db_path, only_indexed):
    db_path.unlink(missing_ok=True)
    db = sqlite3.connect(db_path)
    db.execute("CREATE VIRTUAL TABLE sections USING fts5(file UNINDEXED, body, tokenize='unicode61 remove_diacritics 2')")
    with open(corpus / "truth.jsonl", encoding="utf-8") as f:
        paths = [json.loads(line)["path"] for line in f if line.strip()]
    if only_indexed:
        indexed = indexed_files(only_indexed)
        paths = [p for p in paths if str((corpus / p).resolve()) in indexed]
    started = time.perf_counter()
    rows = 0
    for path in paths:
        text = (corpus / path).read_text(encoding="utf-8")
        batch = [(path, section) for section in sections_of(text)]
        db.executemany("INSERT INTO sections(file, body) VALUES (?, ?)", batch)
        rows += len(batch)
    db.execute("INSERT INTO sections(sections) VALUES ('optimize')")
    db.commit()
    db.close()
    print("fts5 build: %d files, %d rows, %.1f s, %.1f MB" % (len(paths), rows, time.perf_counter() - started,
                                                              db_path.stat().st_size / 1e6))


def percentile(sorted_values, p):
    # Nearest-rank percentile, as the C++ harness computes it.
    index = max(0, min(len(sorted_values) - 1, int(-(-p * len(sorted_values) // 100)) - 1))
    return sorted_values[index]


def run(db_path, queries_path, runs, per_query):
    db = sqlite3.connect(db_path)
    queries = []
    for line in queries_path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) == 10 and cols[9]:
            queries.append((cols[0], cols[9]))
    cursor = db.cursor()

    def one_pass():
        times, cpu_times, hits = [], [], []
        for _, match in queries:
            started, cpu_started = time.perf_counter(), time.thread_time()
            rows = cursor.execute(QUERY, (match,)).fetchall()
            times.append((time.perf_counter() - started) * 1000)
            cpu_times.append((time.thread_time() - cpu_started) * 1000)
            hits.append(len(rows))
        return times, cpu_times, hits

    def summarise(label, number, values):
        ordered = sorted(values)
        summary = {p: percentile(ordered, p) for p in (50, 90, 99)}
        summary["max"] = ordered[-1]
        summary["total"] = sum(values)
        print("fts5 %srun %d: %d queries  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  total %.0f ms" %
              (label, number, len(values), summary[50], summary[90], summary[99], summary["max"], summary["total"]))
        return summary

    one_pass()  # warm-up
    summaries, cpu_summaries = [], []
    for number in range(1, runs + 1):
        times, cpu_times, hits = one_pass()
        summaries.append(summarise("", number, times))
        cpu_summaries.append(summarise("cpu ", number, cpu_times))
    if per_query:
        with open(per_query, "w", encoding="utf-8") as out:
            for (kind, match), ms, n in zip(queries, times, hits):
                out.write("%.3f\t%d\t%s\t%s\n" % (ms, n, kind, match))
    for label, all_runs in (("", summaries), ("cpu ", cpu_summaries)):
        print("fts5 %smedian of %d runs: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms  total %.0f ms" %
              ((label, runs) + tuple(statistics.median(s[k] for s in all_runs) for k in (50, 90, 99, "max", "total"))))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("corpus", type=Path)
    b.add_argument("db", type=Path)
    b.add_argument("--only-indexed", type=Path)
    r = sub.add_parser("run")
    r.add_argument("db", type=Path)
    r.add_argument("queries", type=Path)
    r.add_argument("--runs", type=int, default=3)
    r.add_argument("--per-query", type=Path)
    args = parser.parse_args()
    if args.command == "build":
        build(args.corpus, args.db, args.only_indexed)
    else:
        if not args.db.is_file():
            sys.exit("fts5_bench.py: no database %s (run build first)" % args.db)
        run(args.db, args.queries, args.runs, args.per_query)


if __name__ == "__main__":
    main()
