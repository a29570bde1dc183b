#!/usr/bin/env python3
"""Writes tests/ner/fr-news.conll from tests/ner/fr-news.txt (see README.md).

Input: one sentence per line, entities written [PER ...] as [P text], [L text],
[O text]; a line '## name' starts a document (written as '-DOCSTART-<TAB>O').
Output: token<TAB>IOB2 tag, a blank line after every sentence.
Usage: python3 markup_to_conll.py fr-news.txt > fr-news.conll
"""
import re
import sys

TYPES = {"P": "PER", "L": "LOC", "O": "ORG"}
ELIDED = re.compile(r"^((?:jusqu|lorsqu|puisqu|qu|[ldjnsctm])['’])(.+)$", re.I)
LEAD = "(«\"“["
TRAIL = ",.;:!?)»\"”]"


def split_chunk(chunk):
    head, tail = [], []
    while chunk and chunk[0] in LEAD:
        head.append(chunk[0])
        chunk = chunk[1:]
    while chunk and chunk[-1] in TRAIL and not re.fullmatch(r"[A-Z]\.", chunk):
        tail.insert(0, chunk[-1])
        chunk = chunk[:-1]
    mid = []
    while chunk:
        m = ELIDED.match(chunk)
        if not m:
            mid.append(chunk)
            break
        mid.append(m.group(1))
        chunk = m.group(2)
    return head + mid + tail


def tokenize(text):
    out = []
    for chunk in text.split():
        out.extend(split_chunk(chunk))
    return out


def convert(line):
    rows = []
    pos = 0
    for m in re.finditer(r"\[([PLO]) ([^\]]+)\]", line):
        rows += [(t, "O") for t in tokenize(line[pos:m.start()])]
        toks = tokenize(m.group(2))
        for i, t in enumerate(toks):
            rows.append((t, ("B-" if i == 0 else "I-") + TYPES[m.group(1)]))
        pos = m.end()
    rows += [(t, "O") for t in tokenize(line[pos:])]
    return rows


def main():
    out = sys.stdout
    for raw in open(sys.argv[1], encoding="utf-8"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("## "):
            out.write("-DOCSTART-\tO\n\n")
            continue
        if "[" in re.sub(r"\[[PLO] [^\]]+\]", "", line):
            sys.exit("unbalanced markup: " + line)
        for tok, tag in convert(line):
            out.write(f"{tok}\t{tag}\n")
        out.write("\n")


main()
