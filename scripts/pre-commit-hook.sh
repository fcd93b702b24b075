#!/usr/bin/env bash
# Entry of the pre-commit hook (.pre-commit-hooks.yaml, language: script). pre-commit keeps a clone of
# this repository in its cache; the first run installs and builds the linter there (needs the npm
# registry once), every later run only lints. Build output goes to stderr so it never mixes with findings.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ ! -f "$here/dist/cli/main.js" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error && npm run build) 1>&2
fi
exec node "$here/bin/chotatsu-lint.js" "$@"
