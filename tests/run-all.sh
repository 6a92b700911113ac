#!/usr/bin/env bash
# The whole test suite: Rust unit, snapshot, CLI and in-process LSP tests, the fuzz
# targets' properties over their seed corpora, then the
# editor suites (VS Code extension build + grammar test, the .vsix in a real VS Code
# (code-server) driven in Chromium, Neovim syntax + end-to-end LSP, pytest-lsp, Emacs
# eglot smoke test, the HTML report in headless Chromium and through the Nu Html Checker).
# The end-to-end suites drive the real server, target/debug/claimls, which they get as
# $CLAIMLS_BIN.
#
# A suite whose tool is missing is skipped locally, but fails under CI=true: CI must never
# go green because a client was not installed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

passed=0
failed=0
skipped=0
failures=()
tails=()

# suite NAME REQUIRED-COMMAND COMMAND...
# A suite that prints a line starting with `SKIP:` (its client or server was missing, so
# it ran nothing against the server) counts as skipped, never as passed.
suite() {
  local name=$1 need=$2
  shift 2
  if [ -n "$need" ] && ! command -v "$need" >/dev/null 2>&1; then
    if [ "${CI:-}" = "true" ]; then
      echo "::: $name: FAILED ($need is not installed, and CI=true forbids skipping)"
      failed=$((failed + 1))
      failures+=("$name (missing $need)")
    else
      echo "::: $name: skipped ($need is not installed)"
      skipped=$((skipped + 1))
    fi
    return
  fi
  echo "::: $name"
  local log
  log=$(mktemp)
  if "$@" 2>&1 | tee "$log"; then
    if grep -q '^SKIP:' "$log"; then
      echo "::: $name: skipped (it said SKIP)"
      skipped=$((skipped + 1))
    else
      passed=$((passed + 1))
    fi
  else
    echo "::: $name: FAILED"
    failed=$((failed + 1))
    failures+=("$name")
    # Only the end of a long CI log may be read afterwards: keep each failure's last
    # lines for the summary there.
    tails+=("::: last lines of: $name" "$(grep -v '^[[:space:]]*$' "$log" | tail -n 12)")
  fi
  rm -f "$log"
}

suite "cargo test (unit, snapshots, CLI, LSP harness)" cargo cargo test --all-targets --locked
# The end-to-end suites drive the debug binary: build it (cargo test builds it too, but
# a failed test run must not leave the suites below on a stale or missing binary).
# The fuzz crate is its own workspace, built by `cargo afl` only at the end of CI: compile
# its targets here and run its properties over the seed corpora, so that an API change of
# the library breaks this suite, not the fuzzing stage twenty minutes later. It shares the
# main build's target folder, so only the library and the targets are compiled again.
suite "fuzz targets (compile; properties over the seed corpora)" cargo \
  env CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}" \
  cargo test --manifest-path fuzz/Cargo.toml --all-targets --locked
suite "cargo build (the server the end-to-end suites drive)" cargo cargo build --locked
# Where cargo put it: CARGO_TARGET_DIR and cargo's own configuration are honoured, and a
# CLAIMLS_BIN that the caller set wins.
target_dir=$(cargo metadata --format-version 1 --no-deps 2>/dev/null |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])' 2>/dev/null)
export CLAIMLS_BIN="${CLAIMLS_BIN:-${target_dir:-${CARGO_TARGET_DIR:-$PWD/target}}/debug/claimls}"
echo "::: end-to-end suites drive $CLAIMLS_BIN"
suite "VS Code extension (typecheck, bundle, .vsix, grammar)" npm bash editors/vscode/ci.sh
suite "VS Code end to end (the .vsix in code-server, Chromium)" node bash editors/vscode/e2e/run.sh
suite "Neovim plugin (syntax, stand-in and real server end to end)" nvim bash editors/nvim/test/run.sh
suite "pytest-lsp end to end (tests/e2e)" python3 bash tests/e2e/run.sh
suite "Emacs eglot smoke test (clean, C011 typo, C010)" emacs bash editors/emacs/run-smoke.sh
suite "HTML report in headless Chromium (tests/e2e/report_browser.sh)" chromium bash tests/e2e/report_browser.sh
suite "HTML report through the Nu Html Checker (tests/e2e/report_validate.sh)" java bash tests/e2e/report_validate.sh

echo
if ((failed)); then
  printf '%s\n' "${tails[@]}"
  echo
  printf '::: failed: %s\n' "${failures[@]}"
fi
echo "suites: $passed passed, $failed failed, $skipped skipped"
((failed == 0))
