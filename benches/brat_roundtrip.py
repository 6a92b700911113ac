#!/usr/bin/env python3
"""Compares the Source / Cue / Content spans of two sets of brat `.ann` files: a corpus
and what `claimls import brat` then `claimls export --format brat` made of it.

    python3 benches/brat_roundtrip.py SRC_ANN_DIR EXPORTED_DIR

Files are matched by name (`NAME.ann`). For each label, prints how many input spans
(label + offsets, fragments included) the export has too, and the files whose span sets
are identical. For local measurement; commit nothing it reads.
"""

import collections
import os
import sys


def spans(path):
    out = collections.Counter()
    with open(path, encoding="utf-8") as f:
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 2 or not cols[0].startswith("T"):
                continue
            label, _, offsets = cols[1].partition(" ")
            if label in ("Source", "Cue", "Content", "Content2"):
                out[("Content" if label.startswith("Content") else label, offsets)] += 1
    return out


def main():
    src, exported = sys.argv[1], sys.argv[2]
    found = collections.Counter()
    total = collections.Counter()
    same_files = files = 0
    for root, _, names in os.walk(src):
        for name in sorted(names):
            if not name.endswith(".ann"):
                continue
            files += 1
            a = spans(os.path.join(root, name))
            other = os.path.join(exported, name)
            b = spans(other) if os.path.exists(other) else collections.Counter()
            same_files += a == b
            for (label, offsets), n in a.items():
                total[label] += n
                found[label] += min(n, b[(label, offsets)])
    for label in sorted(total):
        print("%-8s %5d of %5d spans the same (%.1f%%)" % (label, found[label], total[label], 100.0 * found[label] / total[label]))
    print("files with identical Source/Cue/Content spans: %d of %d" % (same_files, files))


if __name__ == "__main__":
    main()
