#!/usr/bin/env bash
# npm run bench:pg [-- --quick] [-- --durable] [-- --only=start,ingest,notify,retrieval]: the PostgreSQL 15
# measurements behind PG-NOTES.md. Installs PostgreSQL 15 if missing (test/db/install-postgres.sh) and
# pg-copy-streams into bench/.deps-pg once (it is not a project dependency: only this benchmark uses it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash test/db/install-postgres.sh
if [ ! -f bench/.deps-pg/.ok ]; then
  echo "bench:pg: installing pg-copy-streams into bench/.deps-pg (once)" >&2
  npm install --prefix bench/.deps-pg --no-save --no-package-lock pg-copy-streams@7.0.0 >bench/.deps-pg.log 2>&1 \
    || { tail -30 bench/.deps-pg.log >&2; exit 1; }
  touch bench/.deps-pg/.ok
fi
node esbuild.mjs
exec node --max-old-space-size=4096 out/bench/pg-bench.js "$@"
