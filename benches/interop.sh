#!/usr/bin/env bash
# `claimls export` in every format over the generated corpus, next to `claimls check` on
# the same corpus, timed in the same run (the aim: each export within 2x of check).
#
#   bash benches/interop.sh [--pairs N] [--runs N] [--seed N] [--bin PATH] [--compare OLD]
#
# Builds the release binary, generates the corpus (benches/gen_corpus.py, default 2,000
# pairs), warms the page cache with one run of each command, then times N rounds (default
# 5), alternating the commands within each round and rotating which goes first, and prints
# the medians (wall and CPU: user + system of the command's processes) and the ratio of
# each export to check. The brat export writes files: into a new folder each run (all are
# deleted at the end, not between runs: deleting thousands of files just before creating
# as many makes ext4 search its inode tables for a free inode, which measures the file
# system, not claimls); `bratlink` is the same with --link-text (the article's text as a
# hard link, not a copy); `rebrat` exports again with --force over an earlier export;
# `report` is `claimls report` into a new folder each run (benches/report.sh has more).
# --bin times that binary instead of building one; --compare OLD adds `brat-old`, the
# brat export by the binary OLD (an earlier build), to the same rounds.
# Exit code 1 from claimls is expected: the generator plants errors.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

pairs=2000
runs=5
seed=1
bin=""
old=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pairs) pairs="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --seed) seed="$2"; shift 2 ;;
    --bin) bin="$2"; shift 2 ;;
    --compare) old="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "interop.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

if [ -z "$bin" ]; then
  echo "== build (release)"
  cargo build --release --quiet
  bin="${CARGO_TARGET_DIR:-target}/release/claimls"
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
corpus="$work/corpus"
echo "== generate $pairs pairs (seed $seed)"
python3 benches/gen_corpus.py --corpus "$corpus" --pairs "$pairs" --seed "$seed"
echo "== machine: $(nproc) cores; $(uname -sr)"

python3 benches/tools/alternate.py --runs "$runs" --aim "every ratio <= 2" \
  "check" "'$bin' check '$corpus' --format json > /dev/null" \
  "json" "'$bin' export '$corpus' --format json > /dev/null" \
  "w3c" "'$bin' export '$corpus' --format w3c > /dev/null" \
  "csv" "'$bin' export '$corpus' --format csv > /dev/null" \
  "brat" "'$bin' export '$corpus' --format brat -o \"\$(mktemp -d '$work/brat.XXXXXX')\" 2> /dev/null" \
  "bratlink" "'$bin' export '$corpus' --format brat --link-text -o \"\$(mktemp -d '$work/link.XXXXXX')\" 2> /dev/null" \
  "rebrat" "'$bin' export '$corpus' --format brat --force -o '$work/brat' 2> /dev/null" \
  "report" "'$bin' report '$corpus' -o \"\$(mktemp -d '$work/report.XXXXXX')\" > /dev/null 2>&1" \
  ${old:+"brat-old" "'$old' export '$corpus' --format brat -o \"\$(mktemp -d '$work/old.XXXXXX')\" 2> /dev/null"}
