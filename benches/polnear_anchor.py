#!/usr/bin/env python3
"""Anchoring precision on gold annotations: does each claim's quote land where the gold
content is, or on another place of the article with the same words?

    python3 benches/polnear_anchor.py SRC_DIR [--bin BIN] [--verbose N]

SRC_DIR holds PolNeAR's layout for one split (as benches/polnear_to_claims.py reads it).
The gold attributions are turned into `.claims` in a temporary folder (the same
conversion as polnear_to_claims.py), exported with `claimls export --format json`, and
the first part of each claim's first quote is compared with where the gold content
starts. A short content (`the decision`, `it`) often occurs earlier in the article too:
only anchoring that weighs who the article credits puts it in the right place.

Prints, for every claim and for the claims whose quote occurs more than once: anchored
at the gold place, anchored elsewhere, not found. PolNeAR has no licence: run this on a
local copy, for measurement only; it writes nothing outside its temporary folder.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import polnear_to_claims as p2c  # noqa: E402


def gold_starts(src):
    """{claims file name: [gold start (characters) of each claim's first quote]}, in the
    order polnear_to_claims writes the claims."""
    ann_dir = os.path.join(src, "attributions")
    text_dir = os.path.join(src, "text")
    out = {}
    for ann in sorted(os.listdir(ann_dir)):
        if not ann.endswith(".ann"):
            continue
        stem = ann[: -len(".ann")]
        name = stem.rsplit("_", 1)[0]
        path = os.path.join(text_dir, name + ".txt")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        spans, events = p2c.read_ann(os.path.join(ann_dir, ann))
        starts = []
        for roles in events:
            content = spans.get(roles.get("Content"))
            if not content or not p2c.quote_fields(text, content[1]):
                continue
            # The first fragment with words, past its leading white space (the converter
            # trims each part).
            for a, b in sorted(content[1]):
                piece = text[a:b]
                if piece.strip():
                    starts.append(a + len(piece) - len(piece.lstrip()))
                    break
        out[stem + ".claims"] = starts
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    ap.add_argument("src")
    ap.add_argument("--bin", default="target/release/claimls")
    ap.add_argument("--verbose", type=int, default=0, help="print N misplaced quotes")
    args = ap.parse_args()
    gold = gold_starts(args.src)
    with tempfile.TemporaryDirectory() as tmp:
        stats = p2c.Stats()
        p2c.convert(args.src, tmp, stats)
        run = subprocess.run([args.bin, "export", "--format", "json", tmp],
                             capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.exit(f"claimls export failed ({run.returncode}): {run.stderr[:500]}")
        data = json.loads(run.stdout)
    counts = {k: {"at gold": 0, "elsewhere": 0, "not found": 0} for k in ("all", "ambiguous")}
    shown = 0
    for ann in data["annotations"]:
        starts = gold.get(os.path.basename(ann["file"]), [])
        for claim, start in zip(ann["claims"], starts):
            quotes = claim.get("quotes") or []
            if not quotes:
                continue
            q = quotes[0]
            parts = [p for p in q.get("parts") or [] if p.get("article")]
            kinds = ["all"] + (["ambiguous"] if (q.get("occurrences") or 0) > 1 else [])
            if not parts:
                verdict = "not found"
            elif parts[0]["article"]["chars"][0] == start:
                verdict = "at gold"
            else:
                verdict = "elsewhere"
            for k in kinds:
                counts[k][verdict] += 1
            if verdict == "elsewhere" and shown < args.verbose:
                shown += 1
                print(f"{os.path.basename(ann['file'])} {claim['id']}: gold at {start}, "
                      f"anchored at {parts[0]['article']['chars'][0]}: {q['text'][:80]!r}")
    for k, c in counts.items():
        total = sum(c.values())
        share = 100.0 * c["at gold"] / total if total else 0.0
        print(f"{k:>9}: {total} claims; at the gold place {c['at gold']} ({share:.1f}%), "
              f"elsewhere {c['elsewhere']}, not found {c['not found']}")


if __name__ == "__main__":
    main()
