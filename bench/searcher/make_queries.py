#!/usr/bin/env python3
"""Generate the searcher benchmark's query log from a corpus made by make-corpus.py.

Deterministic: the same corpus, --count and --seed give the same log, byte for byte. Words are
drawn from the corpus's own vocabulary (document frequencies over an evenly spread sample of
files) across frequency bands, so common words with huge match sets appear as often as a user
would type them, not only rare, cheap ones; phrases are word runs cut from the text; filters use
the metadata in truth.jsonl and the topic and type data of corpus/data.

Output: one query a line, tab-separated (no field holds a tab):
    kind  facets  query  org  topic  type  lang  date_from  date_to  fts5
kind names the shape (words1..words4, phrase, prefix, field, request, date, filter_only);
facets is 1 when the log asks for all facets; org/topic/type/lang hold request filters
('|'-separated); query is the arkiv query text; fts5 is the same text part as an SQLite FTS5
MATCH expression (words ORed like arkiv's default, phrases quoted, prefix*), "" when the query
has no text part.

    make_queries.py CORPUS OUT.tsv [--count 1200] [--seed 1]
"""
import argparse
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
SAMPLE_FILES = 600

# Share of the log per query shape (sums to 1).
SHAPES = [
    ("words1", 0.16), ("words2", 0.13), ("words3", 0.09), ("words4", 0.07),
    ("phrase", 0.10), ("prefix", 0.08), ("field", 0.15), ("request", 0.12),
    ("date", 0.05), ("filter_only", 0.05),
]


def read_truth(corpus):
    with open(corpus / "truth.jsonl", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_vocabulary(corpus, truth):
    """Document frequency of each lower-cased word over an even sample of files; also the
    sampled files' word lists (for phrases)."""
    step = max(1, len(truth) // SAMPLE_FILES)
    df = Counter()
    texts = []
    for record in truth[::step]:
        words = [w.lower() for w in WORD.findall((corpus / record["path"]).read_text(encoding="utf-8"))]
        texts.append(words)
        df.update(set(words))
    ranked = [w for w, n in sorted(df.items(), key=lambda x: (-x[1], x[0])) if n >= 2]
    return ranked, texts


def read_types():
    """Type cue (lower case) -> type id, from corpus/data/document_types.tsv."""
    types = {}
    for line in (ROOT / "corpus/data/document_types.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        types[cols[0].lower()] = cols[1]
    return types


def read_topics():
    """(id, Danish name) of each topic in corpus/data/topics.tsv."""
    topics = []
    for line in (ROOT / "corpus/data/topics.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        topics.append((cols[0], cols[1].split("|")[0]))
    return topics


class Generator:
    def __init__(self, corpus, seed):
        self.rng = random.Random(seed)
        self.truth = read_truth(corpus)
        self.ranked, self.texts = read_vocabulary(corpus, self.truth)
        self.types = read_types()
        self.topics = read_topics()
        self.orgs = sorted({r["org"] for r in self.truth})
        self.years = sorted({r["date"][:4] for r in self.truth if r.get("date")})
        self.type_ids = sorted({self.types.get(r["type"].lower(), r["type"]) for r in self.truth})
        self.langs = sorted({r["lang"] for r in self.truth})

    def word(self):
        # Frequency bands: the 200 most common words (match sets of most sections), the next
        # 5,000, and the long tail.
        r = self.rng.random()
        n = len(self.ranked)
        if r < 0.25:
            return self.ranked[self.rng.randrange(min(200, n))]
        if r < 0.70:
            return self.ranked[self.rng.randrange(min(200, n), min(5200, n))]
        return self.ranked[self.rng.randrange(min(5200, n - 1), n)]

    def words(self, count):
        out = []
        while len(out) < count:
            w = self.word()
            if w not in out:
                out.append(w)
        return out

    def phrase(self):
        while True:
            text = self.rng.choice(self.texts)
            length = self.rng.choice([2, 2, 3])
            if len(text) > length:
                start = self.rng.randrange(len(text) - length)
                return text[start:start + length]

    def prefix(self):
        while True:
            w = self.ranked[self.rng.randrange(min(200, len(self.ranked)), min(20000, len(self.ranked)))]
            if len(w) >= 6:
                return w[:self.rng.randint(4, min(6, len(w) - 2))]

    def text_filter(self):
        """One field filter in the query language, as (query text, nothing for FTS5)."""
        kind = self.rng.choice(["org", "org", "type", "lang", "year", "topic", "range"])
        if kind == "org":
            return 'org:"%s"' % self.rng.choice(self.orgs)
        if kind == "type":
            return "type:" + self.rng.choice(self.type_ids)
        if kind == "lang":
            return "sprog:" + self.rng.choice(self.langs)
        if kind == "year":
            return "år:" + self.rng.choice(self.years)
        if kind == "topic":
            return "emne:" + self.rng.choice(self.topics)[0]
        first = self.rng.randrange(len(self.years))
        last = min(len(self.years) - 1, first + self.rng.randint(0, 3))
        return "%s..%s" % (self.years[first], self.years[last])

    def request_filters(self, row):
        for _ in range(self.rng.randint(1, 3)):
            kind = self.rng.choice(["org", "topic", "type", "lang", "date"])
            if kind == "org":
                row["org"].append(self.rng.choice(self.orgs))
            elif kind == "topic":
                topic = self.rng.choice(self.topics)
                row["topic"].append(topic[self.rng.randrange(2)])
            elif kind == "type":
                row["type"].append(self.rng.choice(self.type_ids))
            elif kind == "lang":
                row["lang"].append(self.rng.choice(self.langs))
            else:
                first = self.rng.randrange(len(self.years))
                row["from"] = self.years[first] + "-%02d" % self.rng.randint(1, 12)
                row["to"] = self.years[min(len(self.years) - 1, first + self.rng.randint(0, 2))]

    def make(self, shape):
        row = {"kind": shape, "facets": int(self.rng.random() < 0.75), "org": [], "topic": [], "type": [],
               "lang": [], "from": "", "to": ""}
        text, fts = [], []  # arkiv query parts, FTS5 parts

        def add_words(words):
            text.extend(words)
            fts.extend('"%s"' % w for w in words)

        if shape.startswith("words"):
            add_words(self.words(int(shape[-1])))
        elif shape == "phrase":
            phrase = self.phrase()
            text.append('"%s"' % " ".join(phrase))
            fts.append('"%s"' % " ".join(phrase))
            if self.rng.random() < 0.3:
                add_words(self.words(1))
        elif shape == "prefix":
            p = self.prefix()
            text.append(p + "*")
            fts.append('"%s"*' % p)
            if self.rng.random() < 0.4:
                add_words(self.words(1))
        elif shape == "field":
            add_words(self.words(self.rng.randint(1, 3)))
            for _ in range(self.rng.randint(1, 2)):
                text.append(self.text_filter())
        elif shape == "request":
            add_words(self.words(self.rng.randint(1, 3)))
            self.request_filters(row)
        elif shape == "date":
            add_words(self.words(self.rng.randint(1, 2)))
            y = self.rng.choice(self.years)
            text.append(self.rng.choice(["i " + y, "før " + y, "efter " + y, "fra %s til %s" % (y, str(int(y) + 2))]))
        elif shape == "filter_only":
            if self.rng.random() < 0.5:
                text.append(self.text_filter())
            else:
                self.request_filters(row)
        row["query"] = " ".join(text)
        row["fts5"] = " OR ".join(fts)
        return row


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not (args.corpus / "truth.jsonl").is_file():
        sys.exit("make_queries.py: %s has no truth.jsonl (not a make-corpus.py corpus)" % args.corpus)
    generator = Generator(args.corpus, args.seed)
    shapes = []
    for shape, share in SHAPES:
        shapes += [shape] * round(share * args.count)
    shapes = (shapes + ["words1"] * args.count)[:args.count]
    generator.rng.shuffle(shapes)
    with open(args.out, "w", encoding="utf-8") as out:
        for shape in shapes:
            row = generator.make(shape)
            fields = [row["kind"], str(row["facets"]), row["query"], "|".join(row["org"]), "|".join(row["topic"]),
                      "|".join(row["type"]), "|".join(row["lang"]), row["from"], row["to"], row["fts5"]]
            assert not any("\t" in f or "\n" in f for f in fields)
            out.write("\t".join(fields) + "\n")
    print("make_queries.py: %d queries from %d words of %s -> %s" % (len(shapes), len(generator.ranked), args.corpus,
                                                                    args.out), file=sys.stderr)


if __name__ == "__main__":
    main()
