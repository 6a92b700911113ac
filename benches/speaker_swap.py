#!/usr/bin/env python3
"""How often `claimls check` notices a wrong speaker, on correct annotations of real articles.

    python3 benches/speaker_swap.py DIR [--bin PATH] [--keep OUT] [--verbose N]

DIR holds `.claims` files with their articles (for instance PolNeAR's gold attributions
turned into `.claims` by benches/polnear_to_claims.py; PolNeAR has no licence, so keep such
a copy local and commit nothing of it).

For every claim whose `source:` is a name (it starts with a capital letter and is not a
pronoun), the script writes a copy of its file in which that one claim's source is
replaced by the source of another claim of the same file: a different name that shares no
content word with it (so `The Post` never stands in for `The New York Post`). That is the
annotator's commonest slip: the speaker of the neighbouring quote. Each copy is checked
with `claimls check --format json`, and the swap counts as noticed when a source finding
(C020, C021 or C024) lands on the swapped claim. The original files are checked too: the
same findings on their unchanged claims are the false alarms on correct annotations.

Two names without a common word can still be the same person (`Hillary` and `Mrs.
Clinton`): such swaps count as missed here although nothing is wrong. The figure is
therefore a lower bound on detection.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "them", "her", "his",
            "who", "which", "that", "whom", "this", "these", "those"}
STOP = {"the", "a", "an", "of", "and", "for", "to", "in", "on", "at", "from", "with",
        "by", "mr", "mrs", "ms", "dr", "s", "'s", "sen", "rep", "gov", "president"}
SOURCE_CODES = {"C020", "C021", "C024"}


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP}


def is_name(s):
    s = s.strip()
    return bool(s) and s[0].isupper() and s.lower() not in PRONOUNS and bool(words(s))


def claims_of(lines):
    """(start line index, source line index, source text) per claim block."""
    out = []
    start = None
    src = None
    for i, line in enumerate(lines):
        if line.startswith("claim "):
            if start is not None:
                out.append((start, src))
            start, src = i, None
        elif start is not None and line.startswith("  source:"):
            src = i
    if start is not None:
        out.append((start, src))
    return out


def run_check(binary, folder):
    r = subprocess.run([binary, "check", folder, "--format", "json"],
                       capture_output=True, text=True)
    if r.returncode not in (0, 1):
        sys.exit(f"claimls check failed ({r.returncode}): {r.stderr[:500]}")
    found = collections.defaultdict(list)
    for d in json.loads(r.stdout or "[]"):
        found[os.path.basename(d["file"])].append(d)
    return found


def block_of(blocks, line_no):
    """Index of the claim block holding 1-based line `line_no`, or None."""
    idx = None
    for k, (start, _) in enumerate(blocks):
        if start + 1 <= line_no:
            idx = k
    return idx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--bin", default="target/release/claimls")
    ap.add_argument("--keep", help="write the copies here instead of a temporary folder")
    ap.add_argument("--verbose", type=int, default=0, help="print N missed swaps")
    args = ap.parse_args()

    out = args.keep or tempfile.mkdtemp(prefix="claimls-swap-")
    orig_dir = os.path.join(out, "orig")
    swap_dir = os.path.join(out, "swap")
    for d in (orig_dir, swap_dir):
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)

    swaps = []  # (copy name, claim index, old source, new source)
    originals = {}
    for name in sorted(os.listdir(args.dir)):
        path = os.path.join(args.dir, name)
        if not name.endswith(".claims"):
            if name.endswith(".txt"):
                shutil.copy(path, orig_dir)
                shutil.copy(path, swap_dir)
            continue
        lines = open(path, encoding="utf-8").read().split("\n")
        shutil.copy(path, orig_dir)
        blocks = claims_of(lines)
        originals[name] = blocks
        sources = [lines[s].split(":", 1)[1].strip() if s is not None else ""
                   for _, s in blocks]
        named = [k for k, s in enumerate(sources) if is_name(s)]
        for k in named:
            own = words(sources[k])
            # The nearest other claim's named source that shares no word: the speaker an
            # annotator copying down the page is likeliest to carry over.
            others = sorted((abs(j - k), j) for j in named
                            if not (words(sources[j]) & own))
            if not others:
                continue
            j = others[0][1]
            copy = lines[:]
            copy[blocks[k][1]] = "  source: " + sources[j]
            copy_name = f"{name[:-len('.claims')]}__swap{k}.claims"
            with open(os.path.join(swap_dir, copy_name), "w", encoding="utf-8") as f:
                f.write("\n".join(copy))
            swaps.append((copy_name, k, sources[k], sources[j]))

    orig_found = run_check(args.bin, orig_dir)
    swap_found = run_check(args.bin, swap_dir)

    # False alarms: source findings on the unchanged gold claims.
    gold_claims = sum(len(b) for b in originals.values())
    flagged = collections.Counter()
    for name, blocks in originals.items():
        hit = set()
        for d in orig_found.get(name, []):
            if d["code"] in SOURCE_CODES:
                k = block_of(blocks, d["line"])
                if k is not None:
                    hit.add((k, d["code"]))
        for k, code in hit:
            flagged[code] += 1
        flagged["any"] += len({k for k, _ in hit})

    noticed = collections.Counter()
    missed = []
    for copy_name, k, old, new in swaps:
        base = copy_name.split("__swap")[0] + ".claims"
        blocks = originals[base]
        codes = set()
        for d in swap_found.get(copy_name, []):
            if d["code"] in SOURCE_CODES and block_of(blocks, d["line"]) == k:
                codes.add((d["code"], d["severity"]))
        for c in codes:
            noticed[c] += 1
        if codes:
            noticed["any"] += 1
            if any(c == "C024" and s == "error" for c, s in codes):
                noticed["C024 error"] += 1
        else:
            missed.append((copy_name, k, old, new))

    n = len(swaps)
    pct = lambda a, b: f"{100 * a / b:.1f}%" if b else "n/a"
    print(f"files: {len(originals)}, claims: {gold_claims}, swapped claims: {n}")
    print(f"wrong speaker noticed (C020/C021/C024 on the swapped claim): "
          f"{noticed['any']} of {n} ({pct(noticed['any'], n)})")
    for key in sorted(k for k in noticed if isinstance(k, tuple)):
        print(f"  {key[0]} {key[1]}: {noticed[key]} ({pct(noticed[key], n)})")
    print(f"  C024 as an error: {noticed['C024 error']} ({pct(noticed['C024 error'], n)})")
    print(f"false alarms on the unchanged gold claims: {flagged['any']} of {gold_claims} "
          f"({pct(flagged['any'], gold_claims)})"
          + "".join(f", {c} {flagged[c]}" for c in sorted(SOURCE_CODES) if flagged[c]))
    for copy_name, k, old, new in missed[: args.verbose]:
        print(f"  missed: {copy_name} claim #{k + 1}: `{old}` -> `{new}`")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
