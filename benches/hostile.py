#!/usr/bin/env python3
"""Hostile inputs that once made claimls quadratic, for timing by hand.

Writes article + annotation pairs into the directory given as the first argument:

  capruns-<size>.{txt,claims}   an article made of runs of capitalized words (the name
                                candidates' mentions were found by comparing every
                                candidate with every occurrence of its rarest word), and one claim
                                whose source the article never names, so the "did you
                                mean" over the article's candidate names runs
  badrefs-<n>.{txt,claims}      n claims whose every `disputes:` names no claim (one in
                                ten a typo of an id): the C041 "did you mean" compared
                                each unknown reference with every id
  badrefs-dense-<n>.{...}       the same with ids of one shape (`claim-000123`) and
                                references two edits from many of them
  long-<size>.{txt,claims}      a long ordinary article (paragraphs of sentences with
                                speakers and quotes) and 18 claims on it

Usage:
    python3 benches/hostile.py DIR                       # the default sizes below
    python3 benches/hostile.py DIR --capruns 250000,1000000,4000000 \
        --badrefs 10000,40000,160000 --dense-badrefs 10000,40000 --long 15000000

then time for example `claimls check DIR/capruns-1000000.claims`. Sizes are in bytes for
articles and in claims for `badrefs`. The same arguments give byte-identical files
(Python 3, no third-party modules). `--seed N` changes the words drawn.
"""

import argparse
import os
import random
import sys

SYL = ["var", "no", "ka", "lin", "dor", "mes", "ta", "ri", "vel", "os", "ban", "tu", "mir",
       "ga", "sel", "or", "quin", "la", "bre", "zan", "pol", "ve", "tor", "ash", "el", "mon"]


def word(rng, lo=2, hi=3):
    return "".join(rng.choice(SYL) for _ in range(rng.randint(lo, hi)))


def capruns_article(rng, size):
    """Long paragraphs of short sentences, each one run of two to six capitalized words
    drawn from a small vocabulary: every run is a distinct candidate name, and every word
    of it occurs all over the article."""
    vocab = sorted({word(rng).capitalize() for _ in range(300)})
    out = ["date 2021-03-04 Capitalized runs", ""]
    total = sum(len(s) + 1 for s in out)
    while total < size:
        sentences = []
        for _ in range(400):
            n = rng.randint(2, 6)
            sentences.append(" ".join(rng.choice(vocab) for _ in range(n)) + ".")
        para = " ".join(sentences)
        out.append(para)
        out.append("")
        total += len(para) + 2
    return "\n".join(out)


def capruns_claims(article_name, article):
    """A claim whose source the article never names, and one whose source is a name of
    the article with a typo (the "did you mean" then has a candidate to offer)."""
    body = article.split("\n\n", 1)[1]
    name = body[: body.index(".")].split(" ")
    last = name[-1]
    typo = " ".join(name[:-1] + [last[:-2] + last[-1] + last[-2]])
    return (
        f"article: {article_name}\n"
        "date: 2021-03-04\n"
        "\n"
        "claim unknown-source\n"
        "  source: Quentin Harrowgate\n"
        "  cue: said\n"
        "  quote: nothing of the sort\n"
        "  stance: asserts\n"
        "\n"
        "claim mistyped-source\n"
        f"  source: {typo}\n"
        "  cue: said\n"
        "  quote: nothing of the sort\n"
        "  stance: asserts\n"
    )


def badrefs_pair(n, article_name, dense=False):
    """n claims, each with a `disputes:` naming no claim. Ids are slugs like the
    generator's (`varno-kalin-3`); every tenth reference is an id with a typo (so a
    suggestion is found), the rest name nothing near. `dense`: ids of one shape
    (`claim-000123`) and references two edits from many of them (`clam-0001234`), the
    worst case for any did-you-mean index."""
    rng = random.Random(n)
    article = (
        "date 2021-03-04 Many claims\n\n"
        "The minister said on Monday that the port would reopen.\n"
    )
    if dense:
        ids = [f"claim-{i:06d}" for i in range(n)]
        refs = [f"clam-{(i * 7919) % (n * 10):07d}" for i in range(n)]
    else:
        ids = [f"{word(rng)}-{word(rng)}-{i}" for i in range(n)]
        refs = []
        for i in range(n):
            if i % 10 == 0:
                target = ids[rng.randrange(n)]
                k = rng.randrange(len(target) - 1)
                refs.append(target[:k] + target[k + 1] + target[k] + target[k + 2:])
            else:
                refs.append(f"{word(rng)}-{word(rng)}-x{i}")
    lines = [f"article: {article_name}", "date: 2021-03-04", ""]
    for i in range(n):
        lines += [
            f"claim {ids[i]}",
            "  source: the minister",
            "  cue: said",
            "  quote: the port would reopen",
            "  stance: asserts",
            f"  disputes: {refs[i]}",
            "",
        ]
    return article, "\n".join(lines)


def long_article(rng, size):
    """An ordinary-looking long article: speakers, reporting verbs, quotes, acronyms."""
    people = [(word(rng).capitalize(), word(rng).capitalize()) for _ in range(40)]
    orgs = [f"{word(rng).capitalize()} {w} Party" for w in ("National", "Free", "United")]
    filler = [word(rng) for _ in range(400)]
    out = ["date 2021-03-04 A long report", ""]
    total = sum(len(s) + 1 for s in out)
    k = 0
    while total < size:
        sentences = []
        for _ in range(rng.randint(2, 5)):
            first, last = rng.choice(people)
            body = " ".join(rng.choice(filler) for _ in range(rng.randint(8, 25)))
            form = rng.randrange(4)
            if form == 0:
                s = f"{first} {last}, a spokesman for the {rng.choice(orgs)}, said that {body}."
            elif form == 1:
                s = f"\u201c{body.capitalize()},\u201d Mr. {last} told reporters."
            elif form == 2:
                s = f"The {rng.choice(orgs)} denied reports that {body}."
            else:
                s = f"{body.capitalize()} in {word(rng).capitalize()} on Monday."
            sentences.append(s)
        para = " ".join(sentences) + f" Item {k}."
        k += 1
        out.append(para)
        out.append("")
        total += len(para.encode()) + 2
    return "\n".join(out), people


def long_claims(rng, article_text, people, article_name, n=18):
    paras = [p for p in article_text.split("\n\n")[1:] if "said that" in p]
    lines = [f"article: {article_name}", "date: 2021-03-04", ""]
    step = max(1, len(paras) // n)
    for i in range(n):
        para = paras[min(len(paras) - 1, i * step)]
        s = para[: para.index("said that")]
        name = s[s.rfind(". ") + 2 if ". " in s else 0:].split(",")[0].strip()
        rest = para[para.index("said that") + len("said that "):]
        quote = rest[: rest.index(".")]
        if i % 6 == 5:
            quote = quote.replace(" ", "  x ", 1)  # a miss: the approximate search runs
        lines += [
            f"claim c{i}",
            f"  source: {name}",
            "  cue: said",
            f"  quote: {quote}",
            "  stance: asserts",
            "",
        ]
    return "\n".join(lines)


def write(directory, name, text):
    with open(os.path.join(directory, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def sizes(s):
    return [int(x) for x in s.split(",") if x and int(x) > 0]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("dir")
    ap.add_argument("--capruns", type=sizes, default=sizes("250000,1000000,4000000"))
    ap.add_argument("--badrefs", type=sizes, default=sizes("10000,40000,160000"))
    ap.add_argument("--dense-badrefs", type=sizes, default=sizes("10000,40000"))
    ap.add_argument("--long", type=sizes, default=sizes("15000000"))
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    os.makedirs(args.dir, exist_ok=True)
    for size in args.capruns:
        rng = random.Random(args.seed * 1000 + size)
        name = f"capruns-{size}"
        article = capruns_article(rng, size)
        write(args.dir, name + ".txt", article)
        write(args.dir, name + ".claims", capruns_claims(name + ".txt", article))
    for n in args.badrefs:
        name = f"badrefs-{n}"
        article, claims = badrefs_pair(n, name + ".txt")
        write(args.dir, name + ".txt", article)
        write(args.dir, name + ".claims", claims)
    for n in args.dense_badrefs:
        name = f"badrefs-dense-{n}"
        article, claims = badrefs_pair(n, name + ".txt", dense=True)
        write(args.dir, name + ".txt", article)
        write(args.dir, name + ".claims", claims)
    for size in args.long:
        rng = random.Random(args.seed * 1000 + size)
        name = f"long-{size}"
        text, people = long_article(rng, size)
        write(args.dir, name + ".txt", text)
        write(args.dir, name + ".claims", long_claims(rng, text, people, name + ".txt"))
    print(f"hostile inputs written to {args.dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
