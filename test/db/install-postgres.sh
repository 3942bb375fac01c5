#!/usr/bin/env bash
# Installs PostgreSQL 15 (server and client) from Debian's packages, for the database tests
# (test/helpers/pg-cluster.ts starts throwaway clusters with its binaries). Idempotent: does nothing,
# quickly, when /usr/lib/postgresql/15/bin/initdb is already there. Needs root or sudo to install.
# The tests never use the system's clusters: Debian's post-install may create (and, where services may
# start, start) a "main" cluster on port 5432; the tests' clusters live in temp dirs on their own ports.
set -euo pipefail
PG_BIN=/usr/lib/postgresql/15/bin
PACKAGES=(postgresql-15 postgresql-client-15)

installed() { [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/postgres" ] && [ -x "$PG_BIN/pg_isready" ]; }
installed && exit 0

echo "install-postgres: apt-get install ${PACKAGES[*]}" >&2
if [ "$(id -u)" = 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null; then
  SUDO=(sudo)
else
  echo "install-postgres: PostgreSQL 15 is missing and this is neither root nor has sudo; install ${PACKAGES[*]} from Debian's packages" >&2
  exit 1
fi
# sudo resets the environment, so DEBIAN_FRONTEND is passed through env(1), after sudo.
APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o DPkg::Lock::Timeout=300)
LOG=$(mktemp "${TMPDIR:-/tmp}/install-postgres.XXXXXX.log")
# A clean machine may have no package lists (or stale ones naming versions no longer served): update first.
if ! { "${APT[@]}" update && "${APT[@]}" install --no-install-recommends "${PACKAGES[@]}"; } >"$LOG" 2>&1; then
  tail -40 "$LOG" >&2
  echo "install-postgres: apt-get failed (full log: $LOG)" >&2
  exit 1
fi
if ! installed; then
  tail -20 "$LOG" >&2
  echo "install-postgres: apt-get succeeded but $PG_BIN/initdb is still missing (full log: $LOG)" >&2
  exit 1
fi
rm -f "$LOG"
echo "install-postgres: $("$PG_BIN/postgres" --version)" >&2
