#!/usr/bin/env bash
# The HTML report through the Nu Html Checker (vnu.jar, the W3C's HTML validator):
# `claimls report examples -o target/report-vnu/site` writes the index page, the bundled
# example's page and the page of examples/mistakes (findings shown inline), and every page
# must pass with no error and no warning (`--Werror`).
#
# So that a validator that checks nothing cannot pass, a page with known errors (a block
# element inside a paragraph's phrasing content, a duplicate id, an unknown attribute) is
# validated in the same run and must be reported.
#
# The checker is pinned in tests/e2e/vnu/package.json (+ lock); the script installs it
# when it is missing, as `npm ci --ignore-scripts --prefix tests/e2e/vnu` (the package's install script only
# downloads a Java runtime: the system's is used). Needs `java` (11 or later). The server
# is $CLAIMLS_BIN, else target/debug/claimls. Outside CI a missing checker or Java skips;
# under CI=true it fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

missing() {
  if [ "${CI:-}" = "true" ]; then
    echo "$1" >&2
    exit 1
  fi
  echo "SKIP: $1"
  exit 0
}
command -v java >/dev/null 2>&1 || missing "java is not installed (apt-get install default-jre-headless)"
jar="$root/tests/e2e/vnu/node_modules/vnu-jar/build/dist/vnu.jar"
# Installed on first use (pinned, from the lock), so the README's test command needs no
# step of its own; .ci/run installs it up front.
if [ ! -f "$jar" ] && command -v npm >/dev/null 2>&1; then
  npm ci --ignore-scripts --no-audit --no-fund --prefix "$root/tests/e2e/vnu" >/dev/null || true
fi
[ -f "$jar" ] || missing "vnu.jar is not installed (npm ci --ignore-scripts --prefix tests/e2e/vnu)"

out="$root/target/report-vnu"
# shellcheck source=tests/e2e/report_site.sh
. "$root/tests/e2e/report_site.sh"
write_report_site "$out"
pages=(
  "$out/site/index.html"
  "$out/site/000_a935861ad7be96ce.html"
  "$out/site/mistakes/mistakes.html"
)
for p in "${pages[@]}"; do
  grep -qxF "$p" "$out/written.txt" || { echo "claimls report did not write $p" >&2; exit 1; }
done
# The mistakes page must show its findings inline, or validating it proves less.
grep -q 'class="pin' "$out/site/mistakes/mistakes.html" ||
  { echo "the mistakes page has no inline finding marker" >&2; exit 1; }

cat > "$out/canary.html" <<'EOF'
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>canary</title></head>
<body><p id="x">one <div>block in a paragraph</div></p><p id="x" frobnicate="1">two</p></body></html>
EOF

# One Java start for all pages (the JVM's start is most of the time). Exit code 1 is
# expected: the canary has errors; what counts is which file each message is about.
set +e
java -Xss8m -jar "$jar" --Werror --format gnu "$out/canary.html" "${pages[@]}" > "$out/vnu.txt" 2>&1
rc=$?
set -e
if [ "$rc" -gt 1 ]; then
  cat "$out/vnu.txt"
  echo "vnu.jar failed to run (exit code $rc)" >&2
  exit 1
fi
python3 - "$out/vnu.txt" "$out/canary.html" "${pages[@]}" <<'EOF'
import sys

log, canary, pages = sys.argv[1], sys.argv[2], sys.argv[3:]
lines = [l for l in open(log, encoding="utf-8").read().splitlines() if l.strip()]

def about(path):
    # gnu format: "file:PATH":LINE.COL-LINE.COL: error: MESSAGE
    return [l for l in lines if l.startswith('"file:%s"' % path)]

failures = []
if len(about(canary)) < 3:
    failures.append("the validator did not report the canary page's errors: %r" % lines)
for p in pages:
    for l in about(p):
        failures.append(l)
other = [l for l in lines if not any(l.startswith('"file:%s"' % f) for f in [canary] + pages)]
failures.extend("unexpected validator output: " + l for l in other)
if failures:
    print("report through the Nu Html Checker: FAILED")
    for f in failures:
        print("  " + f)
    sys.exit(1)
print("report through the Nu Html Checker: %d pages valid, no warning (canary: %d errors found)"
      % (len(pages), len(about(canary))))
EOF
