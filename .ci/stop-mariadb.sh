#!/usr/bin/env bash
# stop-mariadb.sh [--purge] - stop the server started by start-mariadb.sh (same env knobs:
# DDL_LINT_MARIADB_PORT, DDL_LINT_MARIADB_RUNDIR). Only the process named in the run dir's
# mysqld.pid is stopped, and only if it really is a server on that datadir.
# --purge also deletes the run dir (datadir, logs); the installed packages are kept.
set -uo pipefail
PORT=${DDL_LINT_MARIADB_PORT:-3306}
RUN=${DDL_LINT_MARIADB_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mariadb-$PORT}
ours() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "--datadir=$RUN/data "; }
PID=$(cat "$RUN/mysqld.pid" 2>/dev/null || true)
if [ -n "$PID" ] && ours "$PID"; then
  mariadb-admin --no-defaults -uroot --socket="$RUN/mysqld.sock" shutdown 2>/dev/null || kill "$PID" 2>/dev/null
  for ((i = 0; i < 300; i++)); do ours "$PID" || break; sleep 0.2; done
  if ours "$PID"; then echo "[stop-mariadb] pid $PID still alive, sending KILL" >&2; kill -9 "$PID"; fi
  echo "[stop-mariadb] stopped pid $PID" >&2
else
  echo "[stop-mariadb] not running (no live server from $RUN/mysqld.pid)" >&2
fi
rm -f "$RUN/mysqld.pid" "$RUN/launcher.pid"
[ "${1:-}" = "--purge" ] && rm -rf "$RUN" && echo "[stop-mariadb] removed $RUN" >&2
exit 0
