#!/usr/bin/env bash
# stop-mariadb11.sh [--purge] - stop the server started by start-mariadb11.sh (same env knobs:
# DDL_LINT_MARIADB11_CACHE, DDL_LINT_MARIADB11_PORT, DDL_LINT_MARIADB11_RUNDIR). Only the process
# named in the run dir's mysqld.pid is stopped, and only if it really is a server on that datadir.
# --purge also deletes the run dir (datadir, logs); the download cache/sysroot is kept.
set -uo pipefail
CACHE=${DDL_LINT_MARIADB11_CACHE:-$HOME/.cache/ddl-lint-mariadb11}
PORT=${DDL_LINT_MARIADB11_PORT:-3308}
RUN=${DDL_LINT_MARIADB11_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mariadb11-$PORT}
ours() { tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null | grep -qF -- "--datadir=$RUN/data "; }
PID=$(cat "$RUN/mysqld.pid" 2>/dev/null || true)
if [ -n "$PID" ] && ours "$PID"; then
  "$CACHE/basedir/bin/mariadb" --no-defaults -uroot --socket="$RUN/mysqld.sock" -e SHUTDOWN 2>/dev/null || kill "$PID" 2>/dev/null
  for ((i = 0; i < 300; i++)); do ours "$PID" || break; sleep 0.2; done
  if ours "$PID"; then echo "[stop-mariadb11] pid $PID still alive, sending KILL" >&2; kill -9 "$PID"; fi
  echo "[stop-mariadb11] stopped pid $PID" >&2
else
  echo "[stop-mariadb11] not running (no live server from $RUN/mysqld.pid)" >&2
fi
rm -f "$RUN/mysqld.pid" "$RUN/launcher.pid"
[ "${1:-}" = "--purge" ] && rm -rf "$RUN" && echo "[stop-mariadb11] removed $RUN" >&2
exit 0
