#!/usr/bin/env bash
# The HTML report in a real browser: `claimls report examples -o target/report-e2e`, then
# headless Chromium loads the bundled example's page, runs its script, and dumps the DOM it
# built; the checks below assert that every claim of the example has a highlight in the
# article, that the attribution graph has a node per declared actor, and that the page's
# script ran. A screenshot is written to target/report-e2e/report.png for people to look at.
#
# The server is $CLAIMLS_BIN, else target/debug/claimls. Needs `chromium` (Debian's
# package) and python3. Outside CI a missing chromium skips; under CI=true it fails.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser="$b"; break; fi
done
if [ -z "$browser" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "chromium is not installed (apt-get install chromium)" >&2
    exit 1
  fi
  echo "SKIP: chromium is not installed (apt-get install chromium)"
  exit 0
fi

out="$root/target/report-e2e"
# shellcheck source=tests/e2e/report_site.sh
. "$root/tests/e2e/report_site.sh"
write_report_site "$out"
page="$out/site/000_a935861ad7be96ce.html"
test -s "$page"

profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
run_browser() {
  # A fresh profile each time; no network, no background services, no sandbox (root in CI).
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --disable-dev-shm-usage --hide-scrollbars --user-data-dir="$profile" "$@" 2>"$out/browser.log"
}
run_browser --virtual-time-budget=3000 --dump-dom "file://$page" > "$out/dom.html"
run_browser --window-size=1280,1000 --screenshot="$out/report.png" "file://$page" > /dev/null

python3 - "$out/dom.html" examples/000_a935861ad7be96ce.claims "$out/report.png" <<'EOF'
import html.parser, re, sys

dom_path, claims_path, png_path = sys.argv[1:4]
claims_text = open(claims_path, encoding="utf-8").read()
claim_ids = re.findall(r"^claim (\S+)", claims_text, re.M)
actors = [a.strip() for a in re.findall(r"^actor (.+)$", claims_text, re.M)]
assert claim_ids and actors, "the example has claims and actors"


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.claims = {}        # data-id -> data-claim index
        self.highlights = set() # claim indices with a highlight
        self.actor_nodes = []
        self.js = False
        self.in_svg = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "html" and a.get("data-js") == "on":
            self.js = True
        if tag == "svg":
            self.in_svg += 1
        if tag == "li" and "claim" in classes:
            self.claims[a.get("data-id")] = a.get("data-claim")
        if tag == "a" and "hl" in classes:
            self.highlights.update((a.get("data-claims") or "").split())
        if tag == "g" and self.in_svg and "node" in classes and "actor" in classes:
            self.actor_nodes.append(a.get("data-name"))

    def handle_endtag(self, tag):
        if tag == "svg":
            self.in_svg -= 1


dom = Dom()
dom.feed(open(dom_path, encoding="utf-8").read())
failures = []
if not dom.js:
    failures.append("the page's script did not run (no data-js=on on <html>)")
for cid in claim_ids:
    index = dom.claims.get(cid)
    if index is None:
        failures.append(f"claim {cid} is not in the claim list")
    elif index not in dom.highlights:
        failures.append(f"claim {cid} has no highlight in the article")
missing = [a for a in actors if a not in dom.actor_nodes]
if missing or len(dom.actor_nodes) != len(actors):
    failures.append(f"graph nodes {dom.actor_nodes} do not match the actors {actors}")
png = open(png_path, "rb").read()
if not png.startswith(b"\x89PNG\r\n\x1a\n") or len(png) < 10_000:
    failures.append(f"{png_path} is not a screenshot ({len(png)} bytes)")
if failures:
    print("report in Chromium: FAILED")
    for f in failures:
        print("  " + f)
    sys.exit(1)
print(f"report in Chromium: {len(claim_ids)} claims highlighted, "
      f"{len(dom.actor_nodes)} actor nodes in the graph, script ran; screenshot {png_path}")
EOF
