#!/usr/bin/env bash
# npm run bench [-- --json] [-- --corpus=PATH] [-- --database [--scale=N]] [-- --only=database|reading|pairs|archive|long]:
# installs the comparison libraries (minisearch, better-sqlite3) into bench/.deps once (they are not project
# dependencies: only the benchmark uses them), and PostgreSQL 15 for the database rows; builds, runs.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f bench/.deps/.ok ]; then
  echo "bench: installing minisearch and better-sqlite3 into bench/.deps (once)" >&2
  npm install --prefix bench/.deps --no-save --no-package-lock minisearch@7.2.0 better-sqlite3@12.6.2 >bench/.deps.log 2>&1 \
    || { tail -30 bench/.deps.log >&2; exit 1; }
  touch bench/.deps/.ok
fi
# The database rows need PostgreSQL 15 (a no-op when installed).
case " $* " in *" --database "*|*" --only=database "*) bash test/db/install-postgres.sh ;; esac
node esbuild.mjs
exec node --max-old-space-size=4096 out/bench/bench.js "$@"
