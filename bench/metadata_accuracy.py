#!/usr/bin/env python3
"""Metadata and agenda-item accuracy of read_document on a generated corpus, with full figures.

Generates the corpus with make-corpus.py (tests/data/generator: a copy of shared/bench's)
into a temporary folder (never the
repository) and runs the accuracy test of corpus_structure_tests on it, which prints one line:
organisation, date, type, language, agenda items found and single-thread read_document speed.

    bench/metadata_accuracy.py [--docs 2000] [--seed 11] [--build build-structure]

Build the test first: cmake --build BUILD --target corpus_structure_tests
"""
import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_NAME = "metadata and agenda items of a generated corpus are extracted accurately"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--build", type=Path, default=ROOT / "build-structure", help="CMake build folder")
    args = parser.parse_args()
    binary = args.build / "tests" / "corpus" / "corpus_structure_tests"
    generator = ROOT / "tests" / "data" / "generator" / "bench" / "make-corpus.py"
    if not binary.exists():
        sys.exit(f"{binary} not found: cmake --build {args.build} --target corpus_structure_tests")
    if not generator.exists():
        sys.exit(f"corpus generator not found at {generator}")
    with tempfile.TemporaryDirectory(prefix="arkiv-metadata-accuracy-") as folder:
        corpus = Path(folder) / "corpus"
        subprocess.run([sys.executable, str(generator), str(corpus), "--docs", str(args.docs), "--seed", str(args.seed)],
                       check=True)
        env = dict(os.environ, ARKIV_ACCURACY_CORPUS=str(corpus), ARKIV_DATA_DIR=str(ROOT))
        run = subprocess.run([str(binary), TEST_NAME], env=env, capture_output=True, text=True)
        print(f"make-corpus.py --docs {args.docs} --seed {args.seed}")
        for line in run.stdout.splitlines():
            if line.startswith("accuracy") or "FAILED" in line or "with expansion" in line:
                print(line)
        if run.returncode != 0:
            print(run.stdout[-3000:], file=sys.stderr)
        return run.returncode


if __name__ == "__main__":
    sys.exit(main())
