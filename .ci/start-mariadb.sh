#!/usr/bin/env bash
# start-mariadb.sh - run Debian 12's MariaDB (10.11) with a PRIVATE datadir on 127.0.0.1:$PORT
# (default 3306), root with an empty password, database ddl_lint, performance_schema ON.
# Prints the JDBC URL for MySQL Connector/J (one line) on stdout; progress goes to stderr.
# Stop it with .ci/stop-mariadb.sh.
#
# Installs mariadb-server/-client from the normal bookworm sources if mariadbd is missing
# (--no-install-recommends; the package's own /var/lib/mysql instance is never started: a temporary
# policy-rc.d is put in place during the install when the machine has none).
# root@localhost and root@127.0.0.1 get an EMPTY password (mariadb-install-db
# --auth-root-authentication-method=normal), so JDBC over TCP works with user=root.
# Idempotent: a running server is reused; serialised with flock.
#
# Env knobs:
#   DDL_LINT_MARIADB_PORT    (default 3306)
#   DDL_LINT_MARIADB_RUNDIR  (default ${TMPDIR:-/tmp}/ddl-lint-mariadb-$PORT)  datadir, socket, logs
#   DDL_LINT_MARIADB_DB      (default ddl_lint)  database created after start
#   DDL_LINT_MARIADB_OPTS    extra mariadbd options (appended)
#   DDL_LINT_MARIADB_TIMEOUT seconds to wait for readiness (default 120)
#   DDL_LINT_FRESH_DATADIR   =1: when no server is running, wipe the datadir and initialise a new one
#                            (.ci/servers.sh sets it under CI=true)
set -euo pipefail
PORT=${DDL_LINT_MARIADB_PORT:-3306}
RUN=${DDL_LINT_MARIADB_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mariadb-$PORT}
DB=${DDL_LINT_MARIADB_DB:-ddl_lint}
TIMEOUT=${DDL_LINT_MARIADB_TIMEOUT:-120}
log() { echo "[start-mariadb] $*" >&2; }
die() { echo "[start-mariadb] ERROR: $*" >&2; exit 1; }

mkdir -p "$RUN"
exec 9>"$RUN/.lock"
flock -w 600 9 || die "could not lock $RUN/.lock"

if ! command -v mariadbd >/dev/null 2>&1 && [ ! -x /usr/sbin/mariadbd ]; then
  [ "$(id -u)" = 0 ] || die "mariadb-server is not installed and we are not root"
  t0=$SECONDS
  log "installing mariadb-server mariadb-client (bookworm)"
  own_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then   # keep the packaged service from starting on :3306
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d
    own_policy=1; trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  fi
  apt-get -o DPkg::Lock::Timeout=600 -qq update >&2 || log "apt-get update reported errors; trying the install anyway"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -qq install -y --no-install-recommends \
    mariadb-server mariadb-client >/dev/null || die "apt-get install mariadb-server failed"
  [ "$own_policy" = 0 ] || { rm -f /usr/sbin/policy-rc.d; trap - EXIT; }
  log "installed $(dpkg-query -W -f='${Version}' mariadb-server) in $((SECONDS - t0))s"
fi
MARIADBD=$(command -v mariadbd || echo /usr/sbin/mariadbd)

USER_OPT=(); [ "$(id -u)" = 0 ] && USER_OPT=(--user=root)
COMMON=(--no-defaults "${USER_OPT[@]}" --basedir=/usr --datadir="$RUN/data" --tmpdir="$RUN/tmp"
        --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --innodb-log-buffer-size=4M
        --innodb-doublewrite=0 --innodb-flush-log-at-trx-commit=2 --innodb-adaptive-hash-index=0
        --skip-log-bin --key-buffer-size=4M --aria-pagecache-buffer-size=8M
        --max-connections=60 --table-open-cache=400 --skip-name-resolve
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
        # performance_schema ON, with the MDL instrument (off by default in MariaDB) so that
        # performance_schema.metadata_locks is filled. Smaller fixed sizes: RSS ~110 MiB instead of
        # ~155 MiB with the defaults (~57 MiB with performance_schema OFF).
        --performance-schema=ON --performance-schema-instrument='wait/lock/metadata/sql/mdl=ON'
        --performance-schema-digests-size=1000 --performance-schema-max-thread-instances=200
        --performance-schema-accounts-size=20 --performance-schema-hosts-size=20 --performance-schema-users-size=20)

sock() { mariadb --no-defaults -uroot --socket="$RUN/mysqld.sock" "$@"; }
ping() { mariadb-admin --no-defaults -uroot --socket="$RUN/mysqld.sock" --connect-timeout=2 ping >/dev/null 2>&1; }
url() { echo "jdbc:mysql://127.0.0.1:$PORT/$DB?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true"; }

post_ready() {
  sock -e "CREATE DATABASE IF NOT EXISTS \`$DB\`"
  log "ready: $(sock -N -e 'select version()') pid $(cat "$RUN/mysqld.pid")"
  url
}

if [ -f "$RUN/mysqld.pid" ] && kill -0 "$(cat "$RUN/mysqld.pid")" 2>/dev/null && ping; then
  log "already running (pid $(cat "$RUN/mysqld.pid"), port $PORT)"
  post_ready; exit 0
fi
rm -f "$RUN/mysqld.pid" "$RUN/mysqld.sock"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already taken by another process (set DDL_LINT_MARIADB_PORT)"
fi
if [ "${DDL_LINT_FRESH_DATADIR:-0}" = 1 ] && [ -d "$RUN/data" ]; then
  log "DDL_LINT_FRESH_DATADIR=1: discarding the old datadir $RUN/data"
  rm -rf "$RUN/data" "$RUN/tmp"
fi
mkdir -p "$RUN/tmp"
# The bootstrap gets the private tmpdir too: with the default /tmp, two MariaDB bootstraps started
# side by side (10.11 and 11.8 under .ci/servers.sh) delete each other's #sql temporary tables
# ("Unknown table 'mysql.tmp_user_sys'", seen in CI and reproduced here 1 time in 8).
install_db() {
  rm -rf "$RUN/data"
  mariadb-install-db --no-defaults "${USER_OPT[@]}" --basedir=/usr --datadir="$RUN/data" --tmpdir="$RUN/tmp" \
    --auth-root-authentication-method=normal --skip-test-db --skip-name-resolve >"$RUN/init.log" 2>&1
}
if [ ! -d "$RUN/data/mysql" ]; then
  log "initializing datadir $RUN/data"
  if ! install_db; then
    tail -30 "$RUN/init.log" >&2
    log "mariadb-install-db failed; retrying once with an empty datadir"
    install_db || { tail -30 "$RUN/init.log" >&2; die "mariadb-install-db failed twice"; }
  fi
fi
log "starting $("$MARIADBD" --version | awk '{print $3}') on 127.0.0.1:$PORT (socket $RUN/mysqld.sock)"
# shellcheck disable=SC2086
setsid "$MARIADBD" "${COMMON[@]}" --bind-address=127.0.0.1 --port="$PORT" --socket="$RUN/mysqld.sock" \
  --pid-file="$RUN/mysqld.pid" --log-error="$RUN/mysqld.err" ${DDL_LINT_MARIADB_OPTS:-} \
  </dev/null >>"$RUN/mysqld.out" 2>&1 9>&- &
PID=$!
echo "$PID" > "$RUN/launcher.pid"
for ((i = 0; i < TIMEOUT * 5; i++)); do
  ping && break
  kill -0 "$PID" 2>/dev/null || { tail -30 "$RUN/mysqld.err" >&2; die "mariadbd exited during startup"; }
  sleep 0.2
done
ping || { tail -30 "$RUN/mysqld.err" >&2; die "mariadbd not ready after ${TIMEOUT}s"; }
post_ready
