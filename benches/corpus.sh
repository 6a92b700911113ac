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

echo "== timing: $runs rounds, commands alternating"
python3 - "$runs" "$corpus" "cat" "$cat_cmd" "check" "$check_cmd" "check-1t" "$check1_cmd" <<'EOF'
import os, resource, statistics, subprocess, sys, time
runs = int(sys.argv[1])
corpus = sys.argv[2]
names = sys.argv[3::2]
cmds = sys.argv[4::2]
files = 0
size = 0
for root, _, fs in os.walk(corpus):
    for f in fs:
        files += 1
        size += os.path.getsize(os.path.join(root, f))
print("corpus: %d files, %.1f MB" % (files, size / 1e6))

def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime

def run(cmd):
    c = cpu()
    t = time.perf_counter()
    p = subprocess.run(["bash", "-c", cmd])
    dt = time.perf_counter() - t
    if p.returncode not in (0, 1):
        sys.exit("command failed (%d): %s" % (p.returncode, cmd))
    return dt, cpu() - c

for cmd in cmds:  # warm-up: page cache, binary
    run(cmd)
times = {n: [] for n in names}
cpus = {n: [] for n in names}
for r in range(runs):
    order = list(range(len(cmds)))
    order = order[r % len(order):] + order[:r % len(order)]
    for i in order:
        wall, used = run(cmds[i])
        times[names[i]].append(wall)
        cpus[names[i]].append(used)
med = {n: statistics.median(ts) for n, ts in times.items()}
mcpu = {n: statistics.median(ts) for n, ts in cpus.items()}
print("  %-9s %14s %14s   wall of each run (ms)" % ("", "median wall", "median CPU"))
for n in names:
    print("  %-9s %11.1f ms %11.1f ms   %s" % (n, med[n] * 1e3, mcpu[n] * 1e3,
          " ".join("%.0f" % (t * 1e3) for t in times[n])))
for n in names[1:]:
    print("  ratio %s/cat: wall %.2f, CPU %.2f" % (n, med[n] / med["cat"], mcpu[n] / max(mcpu["cat"], 1e-9)))
print("  aim: check/cat wall <= 3")
EOF

if command -v hyperfine > /dev/null 2>&1; then
  echo "== hyperfine cross-check (not alternating)"
  hyperfine --warmup 1 --runs "$runs" --ignore-failure -n cat "$cat_cmd" -n check "$check_cmd"
fi
