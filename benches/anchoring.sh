#!/usr/bin/env bash
# Quote anchoring next to Hypothesis' method, on the same planted-mistake quotes, timed in
# the same run.
#
#   bash benches/anchoring.sh [--per-kind N] [--pairs N] [--seed N] [--runs N] [--keep DIR] [ARTICLE_DIR...]
#
# Articles: the bundled example (examples/*.txt), N generated articles
# (benches/gen_corpus.py, default 40) and every *.txt of each ARTICLE_DIR given (for
# example a local copy of a corpus you may not redistribute: nothing of it is written
# outside the temporary folder). From each article's body the driver (benches/anchoring.mjs)
# takes quotes of 3 to 38 words and plants one copying mistake per quote, N quotes per
# kind and article (default 4):
#   typo1     one letter changed          typo3  three letters changed
#   dropword  one inner word left out     swapword  one inner word replaced by another
#   curly     straight instead of curly quotation marks (quotes that hold curly ones)
#   space     extra spaces and line breaks between words
# Then it runs claimls (the `anchoring` example: index each article once, anchor every
# quote as go to definition does) and approx-string-match@2 (installed with npm into the
# temporary folder, called as Hypothesis' match-quote calls it: exact occurrences first,
# else search(text, quote, min(256, length / 2)), the lowest-error match), alternating
# the two processes over --runs rounds (default 5), and prints the accuracy per kind
# (correct: the span starts within 5 characters of the true start and covers at least
# 90% of the true span) and the median wall time of each whole process as a ratio.
# Needs cargo, python3, node and npm.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

per_kind=4
pairs=40
seed=1
runs=5
keep=""
dirs=()
while [ $# -gt 0 ]; do
  case "$1" in
    --per-kind) per_kind="$2"; shift 2 ;;
    --pairs) pairs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "anchoring.sh: unknown argument $1" >&2; exit 2 ;;
    *) dirs+=("$1"); shift ;;
  esac
done

echo "== build (release)"
cargo build --release --quiet --example anchoring
bin="${CARGO_TARGET_DIR:-target}/release/examples/anchoring"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

if [ -n "$keep" ]; then
  work="$keep"; rm -rf "$work"; mkdir -p "$work"
else
  work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
fi

echo "== install approx-string-match@2"
mkdir -p "$work/npm"
npm install --silent --no-audit --no-fund --prefix "$work/npm" approx-string-match@2 > /dev/null
echo "approx-string-match $(node -p "require('$work/npm/node_modules/approx-string-match/package.json').version")"

echo "== articles"
python3 benches/gen_corpus.py --corpus "$work/gen" --pairs "$pairs" --seed "$seed" 2> /dev/null
{
  ls "$PWD"/examples/*.txt
  find "$work/gen" -name '*.txt' | sort
  for d in "${dirs[@]+"${dirs[@]}"}"; do find "$(cd "$d" && pwd)" -maxdepth 1 -name '*.txt' | sort; done
} > "$work/articles"
echo "$(wc -l < "$work/articles") articles, $(cat $(cat "$work/articles") | wc -c) bytes"

echo "== quotes"
node benches/anchoring.mjs gen "$work/articles" "$seed" "$per_kind" > "$work/cases.jsonl"
echo "$(wc -l < "$work/cases.jsonl") quotes"

echo "== runs: $runs rounds, the two processes alternating"
python3 - "$runs" "$work" "$bin" <<'PY'
import statistics, subprocess, sys, time
runs, work, binary = int(sys.argv[1]), sys.argv[2], sys.argv[3]
cmds = {
    "claimls": [binary, f"{work}/articles", f"{work}/cases.jsonl"],
    "peer": ["node", "benches/anchoring.mjs", "peer", f"{work}/npm", f"{work}/articles", f"{work}/cases.jsonl"],
}
times = {k: [] for k in cmds}
loops = {k: [] for k in cmds}
for r in range(runs):
    order = list(cmds) if r % 2 == 0 else list(cmds)[::-1]
    for name in order:
        t = time.perf_counter()
        p = subprocess.run(cmds[name], capture_output=True, text=True)
        times[name].append(time.perf_counter() - t)
        if p.returncode != 0:
            sys.exit(f"{name} failed: {p.stderr}")
        loops[name].append(float(p.stderr.strip().split()[-2]))
        open(f"{work}/{name}.spans", "w").write(p.stdout)
med = {k: statistics.median(v) for k, v in times.items()}
loop = {k: statistics.median(v) for k, v in loops.items()}
for k in cmds:
    print(f"  {k:8} whole process {med[k]*1e3:9.1f} ms   search loop {loop[k]:9.1f} ms")
print(f"  ratio peer/claimls: whole process {med['peer']/med['claimls']:.1f}x, search loop {loop['peer']/max(loop['claimls'],1e-6):.1f}x")
PY

echo "== accuracy (correct: starts within 5 characters of the true start, covers >= 90% of it)"
node benches/anchoring.mjs score "$work/cases.jsonl" "$work/claimls.spans" "$work/peer.spans"
