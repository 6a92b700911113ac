#!/usr/bin/env bash
# Emacs + eglot smoke tests of the claimls language server, in batch mode
# (`emacs --batch -Q`, Debian's emacs-nox and elpa-eglot):
#   1. claims-mode's own tests (ERT: highlighting, comments, imenu);
#   2. the example annotation opened through eglot: initialize, diagnostics
#      (it must be clean), clean shutdown;
#   3. broken copies of it, with the article, in a temporary folder: one
#      quote with a typo (eglot must show C011 quote-near-miss on that line
#      in Flymake), one quote replaced by words that are nowhere in the
#      article (C010 quote-not-found).
#
# Usage: run-smoke.sh                 # all of the above
#        run-smoke.sh FILE [CODE]     # one file; CODE expected, else clean
#        EXPECT_CODE=C011 run-smoke.sh FILE
# Env:   CLAIMLS_BIN  the server (default: target/release/claimls, then
#                     target/debug/claimls of this repository)
#        EXPECT_CODE  the code FILE must show (default: none, FILE is clean)
#        EXPECT_LINE  the 1-based line that diagnostic must start on
#        CI=true      install emacs-nox/elpa-eglot when missing; a missing
#                     Emacs or server fails instead of skipping
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
ci="${CI:-}"

if ! command -v emacs >/dev/null 2>&1; then
  if [ "$ci" = "true" ] || [ "${CLAIMLS_INSTALL_EMACS:-}" = "1" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends emacs-nox elpa-eglot >/dev/null
  fi
fi
if ! command -v emacs >/dev/null 2>&1; then
  [ "$ci" = "true" ] && { echo "emacs not found (apt-get install emacs-nox elpa-eglot)" >&2; exit 1; }
  echo "SKIP: emacs not found (apt-get install emacs-nox elpa-eglot)"
  exit 0
fi
echo "== $(emacs --version | head -1)"

status=0
echo "== claims-mode ERT tests"
emacs --batch -Q -L "$here" -l "$here/claims-mode-test.el" -f ert-run-tests-batch-and-exit || status=1

if [ -z "${CLAIMLS_BIN:-}" ]; then
  for candidate in "$repo/target/release/claimls" "$repo/target/debug/claimls"; do
    if [ -x "$candidate" ]; then CLAIMLS_BIN="$candidate"; break; fi
  done
fi
if [ -z "${CLAIMLS_BIN:-}" ] || [ ! -x "$CLAIMLS_BIN" ]; then
  [ "$ci" = "true" ] && { echo "claimls binary not found: build it or set CLAIMLS_BIN" >&2; exit 1; }
  echo "SKIP: eglot smoke test: no claimls binary (build it or set CLAIMLS_BIN)"
  exit "$status"
fi
export CLAIMLS_BIN

smoke() { # FILE [CODE [LINE]]
  echo "== eglot smoke: $1 (expect ${2:-clean}${3:+ on line $3})"
  EXPECT_CODE="${2:-}" EXPECT_LINE="${3:-}" timeout 120 emacs --batch -Q -l "$here/smoke-test.el" "$1" || status=1
}

if [ $# -ge 1 ]; then
  smoke "$1" "${2:-${EXPECT_CODE:-}}" "${EXPECT_LINE:-}"
  exit "$status"
fi

example="$repo/examples/000_a935861ad7be96ce.claims"
smoke "$example"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
name="$(basename "$example" .claims)"

# A copy with a typo in one quote: a near miss (C011) on that quote's line.
mkdir "$work/typo"
cp "$repo/examples/$name.txt" "$work/typo/"
sed 's/who was funding the operation/who was fundng the operation/' "$example" > "$work/typo/$name.claims"
typo_line="$(grep -n 'who was fundng the operation' "$work/typo/$name.claims" | cut -d: -f1)"
if [ -z "$typo_line" ]; then
  echo "the example no longer has the quote to put a typo in" >&2
  exit 1
fi
smoke "$work/typo/$name.claims" C011 "$typo_line"

# A copy with the first quote (and its continuation lines) replaced by words
# that are nowhere in the article.
cp "$repo/examples/$name.txt" "$work/"
awk '
  !done && /^[ \t]+quote:/ { match($0, /^[ \t]+/); ind = RLENGTH
    print substr($0, 1, ind) "quote: zebras juggling quartz harmonicas"; skipping = 1; done = 1; next }
  skipping { match($0, /^[ \t]*/); if ($0 !~ /^[ \t]*$/ && $0 !~ /^[ \t]*#/ && RLENGTH > ind) next; skipping = 0 }
  { print }
' "$example" > "$work/$name.claims"
smoke "$work/$name.claims" C010
exit "$status"
