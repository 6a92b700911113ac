#!/usr/bin/env bash
# `claimls report` over the generated corpus, next to `claimls check` of the same corpus,
# timed in the same run: the report must stay within 2x the check (issue 11).
#
#   bash benches/report.sh [--pairs N] [--runs N] [--seed N]
#
# Builds the release binary, generates the corpus (benches/gen_corpus.py, default 2,000
# pairs) into a temporary directory, runs each command once to warm the page cache, then
# times N rounds (default 7), alternating the commands within each round (and rotating
# which goes first), and prints the medians and the ratio report/check. Absolute times
# depend on the machine and its load: compare the ratio.
#
# Commands timed:
#   check     claimls check DIR --format json > /dev/null
#   report    claimls report DIR -o OUT > /dev/null, OUT a new folder each run (the pages
#             of all runs are deleted at the end, not between runs: deleting thousands of
#             files just before creating as many makes ext4 search its inode tables, which
#             costs more than the report itself and measures the file system, not claimls)
#   rereport  the same over the pages of an earlier run: each page is read and compared;
#             one that changed is replaced through the safe writer (temporary file,
#             fsync, rename), one that did not is left alone (the corpus does not change
#             between runs, so this times the compare path)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pairs=2000
runs=7
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "report.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

echo "== build (release)"
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/claimls"
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
out="$work/site"

echo "== generate $pairs pairs (seed $seed)"
python3 benches/gen_corpus.py --corpus "$corpus" --pairs "$pairs" --seed "$seed"
echo "== machine: $(nproc) cores; $(uname -sr)"

check_cmd="'$bin' check '$corpus' --format json > /dev/null"
report_cmd="'$bin' report '$corpus' -o \"\$(mktemp -d '$work/fresh.XXXXXX')\" > /dev/null 2>&1"
rereport_cmd="'$bin' report '$corpus' -o '$out' > /dev/null 2>&1"

echo "== one report, for the record"
"$bin" report "$corpus" -o "$out" > /dev/null
echo "$(find "$out" -name '*.html' | wc -l) pages, $(du -sh "$out" | cut -f1)"

echo "== timing: $runs rounds, commands alternating"
python3 benches/tools/alternate.py --runs "$runs" --aim "report/check wall <= 2" \
  "check" "$check_cmd" "report" "$report_cmd" "rereport" "$rereport_cmd"
