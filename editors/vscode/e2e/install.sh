#!/usr/bin/env bash
# Installs the pinned code-server (a real VS Code 1.100 with its Node extension host) and
# playwright-core from package-lock.json into $1 (default: target/vscode-e2e/install),
# without running any package's own install script: those download binaries from hosts
# other than the package registry. Their work is done here by hand instead:
#   1. top level: `npm ci --ignore-scripts` (code-server, playwright-core and their deps);
#   2. code-server's lib/vscode: `npm install --omit=dev --ignore-scripts` (pinned by its
#      npm-shrinkwrap.json), the system `rg` copied where @vscode/ripgrep would have
#      downloaded its own, then `npm rebuild` compiles the native modules (node-gyp: needs
#      a C++ compiler and the Kerberos headers, Debian's build-essential and libkrb5-dev);
#   3. the symlinks code-server's postinstall.sh makes (node_modules.asar, the `code-server`
#      remote CLI and the browser helper);
#   4. lib/vscode/extensions: `npm install --omit=dev` (the TypeScript the built-in
#      extensions share, pruned by its own postinstall);
#   5. top level: `npm rebuild argon2` (code-server's password hashing, built from source).
#
# Idempotent: a finished install leaves a stamp (hash of the lock file, this script and the
# Node major version); when it matches, nothing is done. A half-finished install has no
# stamp and is started again from scratch.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
dest="${1:-${CARGO_TARGET_DIR:-$root/target}/vscode-e2e/install}"

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" != 20 ]; then
  echo "code-server 4.100 needs Node 20; this is Node $(node --version)" >&2
  exit 1
fi

stamp_value=$(cat "$here/package-lock.json" "$here/install.sh" <(echo "node $node_major") | sha256sum | cut -d' ' -f1)
stamp="$dest/.installed"
cs="$dest/node_modules/code-server"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$stamp_value" ] && [ -f "$cs/out/node/entry.js" ]; then
  echo "code-server already installed in $dest"
  exit 0
fi

rg_bin=$(command -v rg || true)
if [ -z "$rg_bin" ]; then
  echo "ripgrep (rg) is not installed (apt-get install ripgrep)" >&2
  exit 1
fi

start=$SECONDS
rm -rf "$dest"
mkdir -p "$dest"
cp "$here/package.json" "$here/package-lock.json" "$here/.npmrc" "$dest/"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
# node-gyp compiles each native module with this many parallel jobs.
JOBS=$(nproc 2>/dev/null || echo 2)
export JOBS

echo "== [1/5] code-server and playwright-core (npm ci --ignore-scripts)"
(cd "$dest" && npm ci --ignore-scripts --loglevel=error)

echo "== [2/5] VS Code's own modules (lib/vscode), native modules rebuilt"
vs="$cs/lib/vscode"
(cd "$vs" && npm install --omit=dev --ignore-scripts --loglevel=error)
mkdir -p "$vs/node_modules/@vscode/ripgrep/bin"
cp "$rg_bin" "$vs/node_modules/@vscode/ripgrep/bin/rg"
(cd "$vs" && npm_config_yes=true npm rebuild --loglevel=error)

echo "== [3/5] the symlinks of code-server's postinstall.sh"
ln -sfn node_modules "$vs/node_modules.asar"
ln -sfn code-linux.sh "$vs/bin/remote-cli/code-server"
ln -sfn browser-linux.sh "$vs/bin/helpers/browser.sh"

echo "== [4/5] the built-in extensions' shared modules"
(cd "$vs/extensions" && npm install --omit=dev --loglevel=error >/dev/null)

echo "== [5/5] argon2"
(cd "$dest" && npm rebuild argon2 --loglevel=error)

# The native modules VS Code loads on Linux must exist, or the server fails later and
# far less clearly.
for m in "@vscode/spdlog" "native-watchdog" "node-pty" "kerberos"; do
  if ! find "$vs/node_modules/$m" -name '*.node' -path '*Release*' | grep -q .; then
    echo "native module $m was not built" >&2
    exit 1
  fi
done
test -x "$vs/node_modules/@vscode/ripgrep/bin/rg"

echo "$stamp_value" > "$stamp"
echo "code-server installed in $dest in $((SECONDS - start)) s"
