#!/usr/bin/env python3
"""Lists every line-end hyphen in the sample corpus, one tab-separated row a case.

Columns: sample file, line number (1-based, of the line ending in '-'), head (the word before
the hyphen, back to the previous space), tail (the first word of the next non-empty line, its
leading letters and digits only), before (up to three words before the head, from earlier
lines too but not past another line-end hyphen, with the space or opening bracket that
separates them from the head), after (the rest of the next line's first word after the tail,
and two more words). Blank lines are skipped, and so are folios and chart figures (a number
alone on a line) after a word, but not after a number or an acronym ("2017-" / "2018").

    python3 tests/data/dehyphenation/extract.py [corpus/samples]

The rows are the raw material for cases.tsv, which is labelled by hand; nothing here decides
whether a hyphen joins or stays.
"""
import argparse
import pathlib
import re
import sys

MAX_SKIPPED_LINES = 12
CONTEXT_WORDS = 3


def word_char(c):
    return c.isalnum() or c == "\ufffd"


def leading_word(text):
    end = 0
    while end < len(text) and word_char(text[end]):
        end += 1
    return text[:end]


def is_number_line(text):
    """A folio or a figure of a chart alone on a line ("32", "100.000"): not a word's rest."""
    return re.fullmatch(r"[0-9][0-9.,]*", text.strip()) is not None


def squeeze(text):
    return " ".join(text.replace("\u00a0", " ").split())


def context_before(lines, index, left):
    """The last CONTEXT_WORDS words before the head, across lines, with what separates them."""
    earlier = []
    for line in reversed(lines[max(0, index - 4) : index]):
        if line.rstrip().endswith("-"):
            break  # another break: its words come out joined or not, so they are no context
        if line.strip():
            earlier.insert(0, line)
    text = squeeze(" ".join(earlier + [left]))
    if left[-1:] in (" ", ""):
        text += " " if text else ""
    words = text.rstrip(" ").split(" ")
    keep = " ".join(words[-CONTEXT_WORDS:])
    return keep + text[len(text.rstrip(" ")) :] if keep else ""


def context_after(lines, next_index, chunk_rest, right):
    """The rest of the continuation's first word and the next CONTEXT_WORDS - 1 words."""
    later = []
    for line in [right] + lines[next_index + 1 : next_index + 5]:
        if line.rstrip().endswith("-"):
            later.append(line.rstrip().rpartition(" ")[0])  # the words before another break
            break
        later.append(line)
    words = squeeze(" ".join(later)).split(" ")
    return (chunk_rest + " " + " ".join(words[: CONTEXT_WORDS - 1])).rstrip()


def cases(path):
    lines = [line.rstrip(" \t\r\u00a0") for line in path.read_text(encoding="utf-8").split("\n")]
    for index, line in enumerate(lines):
        if line.endswith("\u00ad"):
            line = line[:-1] + "-"
        if len(line) < 2 or not line.endswith("-"):
            continue
        left, space, head = line[:-1].rpartition(" ")
        stripped = head.lstrip("([\"'«“")
        left, head = left + space + head[: len(head) - len(stripped)], stripped
        if not head or not word_char(head[-1]):
            continue
        next_index = index + 1
        part = head.rpartition("-")[2]
        skips_numbers = not any(c.isdigit() for c in part) and not (part.isupper() and len(part) >= 2)
        numbers = []
        while next_index < len(lines) and (
            not lines[next_index].strip() or (skips_numbers and is_number_line(lines[next_index]))
        ):
            numbers += lines[next_index].split()
            next_index += 1
        if next_index >= len(lines) or next_index - index - 1 > MAX_SKIPPED_LINES:
            continue
        chunk, _, right = squeeze(lines[next_index]).partition(" ")
        tail = leading_word(chunk)
        if not tail:
            continue
        before = context_before(lines, index, left)
        # The numbers skipped stay where they were, after the line that the word's rest moves up to.
        after = context_after(lines, next_index, chunk[len(tail) :], " ".join(numbers + [right]))
        yield index + 1, head, tail, before, after


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("samples", nargs="?", default="corpus/samples")
    args = parser.parse_args()
    out = sys.stdout
    out.write("file\tline\thead\ttail\tbefore\tafter\n")
    for path in sorted(pathlib.Path(args.samples).glob("*.txt")):
        for row in cases(path):
            out.write("\t".join([path.name] + [str(field) for field in row]) + "\n")


if __name__ == "__main__":
    main()
