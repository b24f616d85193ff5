#!/usr/bin/env bash
# stop-mysql.sh [--purge] - stop the server started by start-mysql.sh (same env knobs:
# DDL_LINT_MYSQL_CACHE, DDL_LINT_MYSQL_PORT, DDL_LINT_MYSQL_RUNDIR). Only the process named in the
# run dir's mysqld.pid is stopped, and only if it really is a server on that datadir.
# --purge also deletes the run dir (datadir, logs); the download cache/sysroot is kept.
set -uo pipefail
CACHE=${DDL_LINT_MYSQL_CACHE:-$HOME/.cache/ddl-lint-mysql}
PORT=${DDL_LINT_MYSQL_PORT:-3307}
RUN=${DDL_LINT_MYSQL_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mysql-$PORT}
ours() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "--datadir=$RUN/data "; }
PID=$(cat "$RUN/mysqld.pid" 2>/dev/null || true)
if [ -n "$PID" ] && ours "$PID"; then
  "$CACHE/bin/mysqladmin" --no-defaults -uroot --socket="$RUN/mysqld.sock" shutdown 2>/dev/null || kill "$PID" 2>/dev/null
  for ((i = 0; i < 300; i++)); do ours "$PID" || break; sleep 0.2; done
  if ours "$PID"; then echo "[stop-mysql] pid $PID still alive, sending KILL" >&2; kill -9 "$PID"; fi
  echo "[stop-mysql] stopped pid $PID" >&2
else
  echo "[stop-mysql] not running (no live server from $RUN/mysqld.pid)" >&2
fi
rm -f "$RUN/mysqld.pid" "$RUN/launcher.pid"
[ "${1:-}" = "--purge" ] && rm -rf "$RUN" && echo "[stop-mysql] removed $RUN" >&2
exit 0
