#!/usr/bin/env bash
# `claimls check` over a generated corpus of article+annotation pairs, next to `cat` of
# the same files, timed in the same run.
#
#   bash benches/corpus.sh [--pairs N] [--runs N] [--seed N] [--keep DIR]
#
# Builds the release binary, generates the corpus (benches/gen_corpus.py, default 2,000
# pairs of ~3 KB articles with 10-20 claims each) into a temporary directory, runs each
# command once to warm the page cache, then times N rounds (default 7), alternating the
# commands within each round (and rotating which goes first), and prints the medians and
# the ratio check/cat. Absolute times depend on the machine and its load: compare ratios.
#
# Commands timed:
#   cat       find DIR -type f -print0 | xargs -0 cat > /dev/null
#   check     claimls check DIR --format json > /dev/null
#   check-1t  the same with RAYON_NUM_THREADS=1 (one worker: the cost per file)
# `claimls check` exits with 1 because the generator plants errors; that is expected.
# Needs bash, python3 and cargo; uses hyperfine as a cross-check when it is installed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pairs=2000
runs=7
seed=1
keep=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "corpus.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

echo "== build (release)"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/claimls"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

if [ -n "$keep" ]; then
  work="$keep"
  rm -rf "$work"
  mkdir -p "$work"
else
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
fi
corpus="$work/corpus"

echo "== generate $pairs pairs (seed $seed)"
python3 benches/gen_corpus.py --corpus "$corpus" --pairs "$pairs" --seed "$seed"

echo "== machine: $(nproc) cores; $(uname -sr)"

cat_cmd="find '$corpus' -type f -print0 | xargs -0 cat > /dev/null"
check_cmd="'$bin' check '$corpus' --format json > /dev/null"
check1_cmd="RAYON_NUM_THREADS=1 $check_cmd"

echo "== one run of the check, for the record"
set +e
"$bin" check "$corpus" --format json > "$work/findings.json"
rc=$?
set -e
if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
  echo "corpus.sh: claimls check failed with exit code $rc" >&2
  exit 1
fi
python3 - "$work/findings.json" "$rc" <<'EOF'
import collections, json, sys
findings = json.load(open(sys.argv[1], encoding="utf-8"))
by_code = collections.Counter(f["code"] for f in findings)
print("exit code %s; %d findings: %s" % (sys.argv[2], len(findings),
      ", ".join("%s=%d" % kv for kv in sorted(by_code.items()))))
EOF

echo "corpus: $(find "$corpus" -type f | wc -l) files, $(du -sb "$corpus" | cut -f1) bytes"
echo "== timing: $runs rounds, commands alternating"
python3 benches/tools/alternate.py --runs "$runs" --aim "check/cat CPU <= 3" \
  "cat" "$cat_cmd" "check" "$check_cmd" "check-1t" "$check1_cmd"

if command -v hyperfine > /dev/null 2>&1; then
  echo "== hyperfine cross-check (not alternating)"
  hyperfine --warmup 1 --runs "$runs" --ignore-failure -n cat "$cat_cmd" -n check "$check_cmd"
fi
