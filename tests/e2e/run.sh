#!/usr/bin/env bash
# The pytest-lsp end-to-end tests of `claimls lsp` (tests/e2e/test_lsp.py).
# Needs Python 3.11+ with pytest and pytest-lsp (pip install pytest pytest-lsp).
# The server is $CLAIMLS_BIN, else target/debug/claimls of this repository.
# Outside CI a missing pytest-lsp or server skips the tests; under CI=true
# they fail.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PYTHON="${PYTHON:-python3}"

if ! "$PYTHON" -c 'import pytest, pytest_lsp' 2>/dev/null; then
  if [ "${CI:-}" = "true" ]; then
    echo "pytest and pytest-lsp are not installed for $PYTHON (pip install pytest pytest-lsp)" >&2
    exit 1
  fi
  echo "SKIP: pytest-lsp is not installed for $PYTHON (pip install pytest pytest-lsp)"
  exit 0
fi
cd "$here"
export PYTHONDONTWRITEBYTECODE=1
# pytest exits non-zero when a test fails, and with 5 when it collected none:
# both fail the suite.
exec "$PYTHON" -m pytest -ra "$@"
