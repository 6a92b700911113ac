#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 60) with AFL++ through cargo-afl, from the
# seed corpora in fuzz/corpus/<target>/, and fails when one finds a crash or a hang.
# Usage: bash fuzz/run.sh [SECONDS] [TARGET...]    (needs `cargo install cargo-afl`)
# Findings go to fuzz/out/<target>/ (not committed); a summary line per target is printed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check format transport incremental)

# AFL runs every seed first and stops when one fails its property (so do `cargo test`
# here, without AFL).
# Not --locked: fuzz/Cargo.lock starts from the main lock file, and a dependency the main
# crate adds later must not fail this run (cargo then adds it to this lock file only).
cargo afl build --release --bins -q

export AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 \
  AFL_BENCH_UNTIL_CRASH=1 AFL_QUIET=1
failed=0
for t in "${targets[@]}"; do
  rm -rf "out/$t"; mkdir -p out
  # -V: stop after SECONDS; -t: a run over 2 s is a hang; -m none: the index may be large.
  cargo afl fuzz -i "corpus/$t" -o "out/$t" -V "$seconds" -t 2000 -m none \
    "target/release/fuzz_$t" >"out-$t.log" 2>&1 || { cat "out-$t.log"; failed=1; continue; }
  stats="out/$t/default/fuzzer_stats"
  get() { sed -n "s/^$1 *: *//p" "$stats"; }
  crashes=$(get saved_crashes); hangs=$(get saved_hangs)
  echo "fuzz $t: $(get execs_done) executions in $(get run_time) s ($(get execs_per_sec)/s), corpus $(get corpus_count), edges $(get edges_found), crashes $crashes, hangs $hangs"
  if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
    failed=1
    # The inputs themselves, so that a finding on a CI machine can be replayed anywhere:
    # `echo BASE64 | base64 -d > input; target/release/fuzz_TARGET < input`.
    for f in "out/$t/default/crashes"/id:* "out/$t/default/hangs"/id:*; do
      [ -f "$f" ] || continue
      echo "finding $(basename "$f") ($(wc -c <"$f") bytes), base64:"
      head -c 65536 "$f" | base64 -w 0
      echo
    done
  fi
done
rm -f out-*.log
exit $failed
