#!/usr/bin/env bash
# CI for the VS Code extension: install exactly the locked packages, type-check,
# bundle, package the .vsix (offline) and run the tests, which include the
# TextMate grammar test and the check of the packaged .vsix.
# VS Code itself is not run here: e2e/run.sh runs the .vsix in code-server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

npm ci
npm run typecheck
npm run build
rm -f claimls.vsix
npm run package
npm test
