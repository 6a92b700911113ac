#!/usr/bin/env python3
"""Measures `claimls draft` against PolNeAR's gold attributions (brat standoff).

    python3 benches/polnear_eval.py DIR [--bin PATH] [--verbose N]

DIR holds `text/NAME.txt` and `attributions/NAME_xxxx.ann` (PolNeAR's layout for one
split). PolNeAR has no licence: use a local copy for measurement only and commit nothing
of it. Brat offsets in PolNeAR count characters (code points), so the script works on
decoded text throughout; claimls's quotes are located in the same text.

For every article the script runs `claimls draft`, reads the drafted claims (`source:`,
`quote:` parts split at ` … `) and compares them with the gold attributions (E lines
tying Source, Cue and Content; Content may be discontinuous). Articles with several
.ann files (several annotators) are scored against the union of their attributions, the
same content span counted once.

- found: a gold attribution is found when one drafted claim's quote covers at least half
  of its content characters. Reported for direct content (the content, trimmed, opens
  and closes with quotation marks) and indirect content (everything else) apart.
- precision: the share of drafted claims that match some gold attribution (the claim
  covers at least half of that gold content, or at least half of the claim lies in it).
- named source right: among found gold attributions whose gold source is a name or a
  description (not a personal or relative pronoun), the share whose drafted `source:`
  (or one of its `aka:` aliases) shares a content word with the gold source text. The
  drafted claim compared is the closest of those that cover the gold content (by the
  Jaccard index of their characters).
"""

import argparse
import collections
import glob
import os
import re
import subprocess
import sys

QUOTES = "\"\u201c\u201d\u00ab\u00bb\u2018\u2019'"
OPENERS = "\"\u201c\u00ab\u2018'"
CLOSERS = "\"\u201d\u00bb\u2019'"
# Personal and relative pronouns: the gold keeps them as written, the draft names the
# speaker they stand for.
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "them", "her", "his",
            "who", "which", "that", "whom"}
STOP = {
    "the", "a", "an", "of", "and", "for", "to", "in", "on", "at", "from", "with", "by",
    "mr", "mrs", "ms", "dr", "s", "'s", "who", "that", "this", "these", "those", "his",
    "her", "their", "its",
}


def read_ann(path):
    spans = {}
    events = []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if not parts or len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            head = parts[1].split(" ", 1)
            kind = head[0]
            frags = []
            for piece in head[1].split(";"):
                s, e = piece.split()
                frags.append((int(s), int(e)))
            spans[parts[0]] = (kind, frags)
        elif parts[0].startswith("E"):
            roles = dict(r.split(":", 1) for r in parts[1].split())
            events.append(roles)
    out = []
    for roles in events:
        content = roles.get("Content")
        if content not in spans:
            continue
        source = spans.get(roles.get("Source"), (None, []))[1]
        cue = spans.get(roles.get("Cue"), (None, []))[1]
        out.append({"content": spans[content][1], "source": source, "cue": cue})
    return out


def chars(frags):
    s = set()
    for a, b in frags:
        s.update(range(a, b))
    return s


def is_direct(text, frags):
    body = " ".join(text[a:b] for a, b in frags).strip()
    body = re.sub(r"^(that|:)\s+", "", body).rstrip(".,;: ")
    return len(body) > 2 and body[0] in OPENERS and body[-1] in CLOSERS


def words(s):
    return {w for w in re.findall(r"[a-z0-9]+", s.lower()) if w not in STOP}


def parse_draft(draft):
    claims = []
    actors = {}
    current = None
    actor = None
    for line in draft.splitlines():
        if line.startswith("actor "):
            actor = line[6:].strip()
            actors[actor] = [actor]
            current = None
        elif line.startswith("claim "):
            current = {"source": None, "quotes": []}
            claims.append(current)
            actor = None
        elif line.startswith("  aka:") and actor:
            actors[actor] += [x.strip() for x in line[6:].split(",")]
        elif line.startswith("  source:") and current is not None:
            current["source"] = line[9:].strip()
        elif line.startswith("  quote:") and current is not None:
            current["quotes"].append(line[8:].strip())
    return claims, actors


def locate(text, part):
    """Character offsets of every occurrence of `part` (whitespace-insensitive)."""
    pattern = r"\s+".join(re.escape(w) for w in part.split())
    if not pattern:
        return []
    return [(m.start(), m.end()) for m in re.finditer(pattern, text)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--bin", default="target/release/claimls")
    ap.add_argument("--verbose", type=int, default=0, help="print N misses of each kind")
    args = ap.parse_args()
    texts = sorted(glob.glob(os.path.join(args.dir, "text", "*.txt")))
    anns = collections.defaultdict(list)
    for p in glob.glob(os.path.join(args.dir, "attributions", "*.ann")):
        base = os.path.basename(p).rsplit("_", 1)[0]
        anns[base].append(p)
    tot = collections.Counter()
    misses = collections.defaultdict(list)
    for tp in texts:
        base = os.path.basename(tp)[:-4]
        if base not in anns:
            continue
        text = open(tp, encoding="utf-8").read()
        gold = []
        seen = set()
        for ap_ in anns[base]:
            for g in read_ann(ap_):
                key = tuple(g["content"])
                if key in seen:
                    continue
                seen.add(key)
                gold.append(g)
        run = subprocess.run([args.bin, "draft", tp], capture_output=True, text=True)
        if run.returncode != 0:
            print(f"draft failed on {base}: {run.stderr.strip()}", file=sys.stderr)
            tot["failed"] += 1
            continue
        claims, actors = parse_draft(run.stdout)
        claim_chars = []
        for c in claims:
            cs = set()
            for q in c["quotes"]:
                for part in re.split(r"\.{3,}|\u2026|\[\.\.\.\]|\[\u2026\]", q):
                    for a, b in locate(text, part.strip()):
                        cs.update(range(a, b))
            claim_chars.append(cs)
            if not cs:
                tot["unlocated"] += 1
        gold_chars = [chars(g["content"]) for g in gold]
        all_words = [(m.start(), m.end()) for m in re.finditer(r"\w+", text)]
        for g, gc in zip(gold, gold_chars):
            kind = "direct" if is_direct(text, g["content"]) else "indirect"
            tot[kind] += 1
            # Among the claims covering at least half of it, the closest one (Jaccard).
            best = None
            best_chars = set()
            best_score = 0.0
            for c, cc in zip(claims, claim_chars):
                inter = len(gc & cc)
                if gc and inter * 2 >= len(gc):
                    score = inter / len(gc | cc)
                    if score > best_score:
                        best, best_chars, best_score = c, cc, score
            if best is None:
                if any(gc & cc for cc in claim_chars):
                    tot[kind + "_partial"] += 1
                cue = " ".join(text[a:b] for a, b in g["cue"])
                what = " | ".join(text[a:b] for a, b in g["content"])
                misses[kind].append((base, f"[{cue}] {what}"))
                tot["miss_cue:" + cue.lower()] += 1
                continue
            tot[kind + "_found"] += 1
            # How well the drafted words' boundaries agree with the gold content's, word
            # by word (a leading `that`, which the gold keeps and a claim's quote leaves
            # out when it is a conjunction, is counted in neither; nor is punctuation).
            gw = [w for w in all_words if w[0] in gc]
            if gw and text[gw[0][0]:gw[0][1]].lower() == "that":
                gw = gw[1:]
            bw = sorted(w for w in all_words if w[0] in best_chars)
            if bw and text[bw[0][0]:bw[0][1]].lower() == "that":
                bw = bw[1:]
            bw = set(bw)
            if gw:
                jac = len(set(gw) & bw) / len(set(gw) | bw)
                tot["bound_n"] += 1
                tot["bound_sum"] += jac
                tot["bound_exact"] += jac == 1.0
                if jac < 1.0:
                    gold_text = " | ".join(text[a:b] for a, b in g["content"])
                    misses["bounds"].append(
                        (base, f"GOLD[{gold_text}]\n    DRAFT[{' … '.join(best['quotes'])}]"))
            src = " ".join(text[a:b] for a, b in g["source"]).strip()
            if not src:
                continue
            if src.lower() in PRONOUNS:
                tot["pronoun_sources"] += 1
                continue
            tot["named"] += 1
            names = actors.get(best["source"], [best["source"] or ""])
            if any(words(n) & words(src) for n in names):
                tot["named_right"] += 1
            else:
                misses["source"].append((base, f"gold {src!r} drafted {best['source']!r}"))
        for c, cc in zip(claims, claim_chars):
            tot["claims"] += 1
            ok = any(
                gc and cc and (len(gc & cc) * 2 >= len(gc) or len(gc & cc) * 2 >= len(cc))
                for gc in gold_chars
            )
            if ok:
                tot["claims_ok"] += 1
            else:
                misses["precision"].append((base, " … ".join(c["quotes"])[:200]))
        tot["articles"] += 1

    def pct(a, b):
        return f"{100.0 * tot[a] / max(1, tot[b]):.1f}% ({tot[a]}/{tot[b]})"

    print(f"articles: {tot['articles']} (gold: union of each article's .ann files)")
    print(f"direct-quote recall:   {pct('direct_found', 'direct')}")
    print(f"indirect recall:       {pct('indirect_found', 'indirect')}")
    tot["all"] = tot["direct"] + tot["indirect"]
    tot["all_found"] = tot["direct_found"] + tot["indirect_found"]
    print(f"overall recall:        {pct('all_found', 'all')}")
    print(f"precision:             {pct('claims_ok', 'claims')}")
    print(f"(missed but partly covered: direct {tot['direct_partial']}, indirect {tot['indirect_partial']})")
    print(f"named source right:    {pct('named_right', 'named')}")
    if tot["bound_n"]:
        print(f"content words (found): mean Jaccard {tot['bound_sum'] / tot['bound_n']:.3f}, "
              f"exact {pct('bound_exact', 'bound_n')}")
    print(f"(found with a personal or relative pronoun as gold source, not scored: {tot['pronoun_sources']};"
          f" drafted quotes not located: {tot['unlocated']})")
    if args.verbose:
        cues = sorted(((v, k[9:]) for k, v in tot.items() if k.startswith("miss_cue:")), reverse=True)
        print("missed gold cues:", ", ".join(f"{k} {v}" for v, k in cues[:60]))
        for kind in ("direct", "indirect", "precision", "source", "bounds"):
            print(f"\n--- {kind} misses (first {args.verbose} of {len(misses[kind])})")
            for base, what in misses[kind][: args.verbose]:
                print(f"{base[:40]}: {what[:220] if kind != 'bounds' else what}")


if __name__ == "__main__":
    main()
