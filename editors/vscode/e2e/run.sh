#!/usr/bin/env bash
# The VS Code extension end to end in a real VS Code: installs code-server (install.sh,
# reused when already installed), packages the extension into a .vsix with the extension's
# own tooling, then suite.mjs installs it into a fresh code-server, opens a copy of the
# example with a planted typo in Chromium and checks the Problems panel, hover, completion,
# semantic-token colours and rename. Screenshots and logs: target/vscode-e2e/run/.
#
# The server is $CLAIMLS_BIN, else target/debug/claimls. Needs Node 20 with npm, Debian's
# chromium, ripgrep, build-essential and libkrb5-dev. Outside CI a missing tool skips;
# under CI=true it fails.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
target="${CARGO_TARGET_DIR:-$root/target}"

missing=()
for tool in node npm rg c++ make krb5-config; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
browser=""
for b in chromium chromium-browser; do
  if command -v "$b" >/dev/null 2>&1; then browser="$(command -v "$b")"; break; fi
done
[ -n "$browser" ] || missing+=(chromium)
if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" != 20 ]; then
  missing+=("Node 20 (this is $(node --version))")
fi
if ((${#missing[@]})); then
  msg="missing ${missing[*]} (apt-get install chromium ripgrep build-essential libkrb5-dev; Node 20)"
  if [ "${CI:-}" = "true" ]; then
    echo "$msg" >&2
    exit 1
  fi
  echo "SKIP: $msg"
  exit 0
fi

bin="${CLAIMLS_BIN:-$target/debug/claimls}"
if [ ! -x "$bin" ]; then
  echo "no claimls binary at $bin (cargo build first)" >&2
  exit 1
fi
bin="$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")"

start=$SECONDS
install="$target/vscode-e2e/install"
bash "$here/install.sh" "$install"
installed=$SECONDS

# The .vsix, packaged exactly as editors/vscode/ci.sh does (its locked packages are
# installed only when missing).
ext="$root/editors/vscode"
if [ ! -x "$ext/node_modules/.bin/vsce" ]; then
  (cd "$ext" && npm ci --loglevel=error)
fi
rm -f "$ext/claimls.vsix"
(cd "$ext" && npm run --silent package >/dev/null)
mkdir -p "$target/vscode-e2e"
cp "$ext/claimls.vsix" "$target/vscode-e2e/claimls.vsix"
packaged=$SECONDS

# A hung browser or server must not hang CI: the suite is stopped after 15 minutes (it
# takes well under one), and stops code-server with it.
E2E_INSTALL="$install" \
  E2E_OUT="$target/vscode-e2e/run" \
  E2E_VSIX="$target/vscode-e2e/claimls.vsix" \
  E2E_EXAMPLE="$root/examples/000_a935861ad7be96ce.claims" \
  CLAIMLS_BIN="$bin" \
  CHROMIUM="$browser" \
  timeout --signal=TERM 900 node "$here/suite.mjs"
echo "vscode e2e: install $((installed - start)) s, package $((packaged - installed)) s, suite $((SECONDS - packaged)) s"
