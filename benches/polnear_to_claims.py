#!/usr/bin/env python3
"""Turns PolNeAR's gold attributions into `.txt` + `.claims` pairs, for measuring
claimls's checks and completion on annotations that are right by construction.

    python3 benches/polnear_to_claims.py SRC_DIR OUT_DIR

SRC_DIR holds PolNeAR's layout for one split: `text/NAME.txt` and
`attributions/NAME_xxxx.ann` (brat standoff; several .ann files per article when several
annotators did it). PolNeAR has no licence: run this on a local copy, for measurement
only, and commit nothing it writes.

For every .ann file, OUT_DIR gets `NAME_xxxx.claims` next to a copy of `NAME.txt`. Every
`E` line tying a Content to its Source and Cue becomes one claim: `source:` is the
source span's text (`unnamed` when the attribution has none), `cue:` the cue's text, and
the content one `quote:` per paragraph, its discontinuous parts within a paragraph
joined with ` … ` (an elision). Brat offsets in PolNeAR count characters (code points),
not bytes: the script checks that on every span it copies and reports mismatches.

Prints how many claims were written and how many spans could not be copied.
"""

import collections
import os
import re
import sys


def read_ann(path):
    spans = {}
    events = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                kind, _, ranges = parts[1].partition(" ")
                frags = []
                for piece in ranges.split(";"):
                    start, end = piece.split()
                    frags.append((int(start), int(end)))
                spans[parts[0]] = (kind, frags, parts[2] if len(parts) > 2 else "")
            elif parts[0].startswith("E"):
                roles = dict(r.split(":", 1) for r in parts[1].split())
                events.append(roles)
    return spans, events


def one_line(s):
    return re.sub(r"\s+", " ", s).strip()


def paragraph_of(text, offset):
    """Index of the blank-line separated block holding `offset`."""
    return len(re.findall(r"\n[ \t]*\n", text[:offset]))


class Stats:
    def __init__(self):
        self.claims = 0
        self.files = 0
        self.mismatched = 0
        self.skipped = collections.Counter()


def span_text(text, frags, recorded, stats):
    got = " ".join(text[a:b] for a, b in frags)
    # brat writes the covered text after the offsets, fragments joined by a space.
    if recorded and one_line(got) != one_line(recorded):
        stats.mismatched += 1
    return got


def quote_fields(text, frags):
    by_para = []
    for a, b in sorted(frags):
        part = one_line(text[a:b])
        if not part:
            continue
        para = paragraph_of(text, a)
        if by_para and by_para[-1][0] == para:
            by_para[-1][1].append(part)
        else:
            by_para.append((para, [part]))
    return [" \u2026 ".join(parts) for _, parts in by_para]


def convert(src, out, stats):
    text_dir = os.path.join(src, "text")
    ann_dir = os.path.join(src, "attributions")
    os.makedirs(out, exist_ok=True)
    texts = {os.path.splitext(n)[0]: n for n in os.listdir(text_dir) if n.endswith(".txt")}
    for ann in sorted(os.listdir(ann_dir)):
        if not ann.endswith(".ann"):
            continue
        stem = ann[: -len(".ann")]
        name = stem.rsplit("_", 1)[0]
        if name not in texts:
            stats.skipped["no text"] += 1
            continue
        with open(os.path.join(text_dir, texts[name]), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(out, texts[name]), "w", encoding="utf-8") as f:
            f.write(text)
        spans, events = read_ann(os.path.join(ann_dir, ann))
        lines = [f"article: {texts[name]}", ""]
        n = 0
        for roles in events:
            content = spans.get(roles.get("Content"))
            if not content:
                stats.skipped["no content"] += 1
                continue
            quotes = quote_fields(text, content[1])
            span_text(text, content[1], content[2], stats)
            if not quotes:
                stats.skipped["empty content"] += 1
                continue
            source = spans.get(roles.get("Source"))
            cue = spans.get(roles.get("Cue"))
            n += 1
            lines.append(f"claim c{n}")
            if source:
                lines.append(f"  source: {one_line(span_text(text, source[1], source[2], stats))}")
            else:
                lines.append("  source: unnamed")
            if cue:
                cue_text = one_line(span_text(text, cue[1], cue[2], stats))
                if cue_text:
                    lines.append(f"  cue: {cue_text}")
            for q in quotes:
                lines.append(f"  quote: {q}")
            lines.append("")
        stats.claims += n
        stats.files += 1
        with open(os.path.join(out, stem + ".claims"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))


def main(argv):
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    stats = Stats()
    convert(argv[1], argv[2], stats)
    print(
        f"{stats.files} annotations, {stats.claims} claims; "
        f"{stats.mismatched} spans whose text differs from brat's record; skipped: {dict(stats.skipped)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
