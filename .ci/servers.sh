# shellcheck shell=bash
# servers.sh - helpers to start/stop the real database servers used by the integration tests.
# Meant to be sourced:
#
#   source .ci/servers.sh && start_servers     # ... run tests ...;   stop_servers
#
# start_servers  starts MySQL 9.7 (127.0.0.1:3307) and MariaDB 10.11 (127.0.0.1:3306) in parallel,
#                plus MariaDB 11.8 (127.0.0.1:3308) when DDL_LINT_WITH_MARIADB11=1. Each start
#                script's log is printed as one block once it is done (no interleaving), followed by
#                "[ci] <server> <SELECT VERSION()> ready at 127.0.0.1:<port>" (asked over TCP).
#                Exports DDL_LINT_MYSQL_URL, DDL_LINT_MARIADB_URL (and DDL_LINT_MARIADB11_URL):
#                JDBC URLs for MySQL Connector/J. If a server fails, prints the tail of its error
#                log and returns non-zero (after the others have finished starting).
# stop_servers   stops the servers that start_servers started in this shell; servers that were
#                already running before are left alone. `stop_servers --all` stops all of them.
#
# Env knobs: DDL_LINT_WITH_MARIADB11=1 (also start MariaDB 11.8); DDL_LINT_FRESH_DATADIR (default 1
# under CI=true, else 0: a server that is not running gets a freshly initialised datadir); and the
# knobs of the start-*.sh scripts (ports, run dirs, caches, extra options), which are honoured here.

DDL_LINT_CI_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
DDL_LINT_STARTED=${DDL_LINT_STARTED:-}   # servers started by start_servers in this shell

# _ddl_server_info NAME -> sets _label _port _run _client (array) for one server
_ddl_server_info() {
  case "$1" in
    mysql)
      _label=MySQL _port=${DDL_LINT_MYSQL_PORT:-3307}
      _run=${DDL_LINT_MYSQL_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mysql-$_port}
      _client=("${DDL_LINT_MYSQL_CACHE:-$HOME/.cache/ddl-lint-mysql}/bin/mysql") ;;
    mariadb)
      _label=MariaDB _port=${DDL_LINT_MARIADB_PORT:-3306}
      _run=${DDL_LINT_MARIADB_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mariadb-$_port}
      _client=(mariadb) ;;
    mariadb11)
      _label=MariaDB _port=${DDL_LINT_MARIADB11_PORT:-3308}
      _run=${DDL_LINT_MARIADB11_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mariadb11-$_port}
      _client=("${DDL_LINT_MARIADB11_CACHE:-$HOME/.cache/ddl-lint-mariadb11}/basedir/bin/mariadb") ;;
    *) return 1 ;;
  esac
}

# _ddl_running NAME: the server's pid file names a live process (start-*.sh then just reuses it)
_ddl_running() {
  _ddl_server_info "$1" || return 1
  local pid; pid=$(cat "$_run/mysqld.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

start_servers() {
  local names=(mysql mariadb) n rc secs url version var failed=0 t0=$SECONDS logs
  [ "${DDL_LINT_WITH_MARIADB11:-0}" = 1 ] && names+=(mariadb11)
  if [ -z "${DDL_LINT_FRESH_DATADIR:-}" ]; then
    if [ "${CI:-}" = true ]; then export DDL_LINT_FRESH_DATADIR=1; else export DDL_LINT_FRESH_DATADIR=0; fi
  fi
  logs=$(mktemp -d "${TMPDIR:-/tmp}/ddl-lint-servers.XXXXXX")
  echo "[ci] starting servers: ${names[*]} (fresh datadir: $DDL_LINT_FRESH_DATADIR)"
  local pids=()
  for n in "${names[@]}"; do
    if ! _ddl_running "$n" && [[ " $DDL_LINT_STARTED " != *" $n "* ]]; then DDL_LINT_STARTED+=" $n"; fi
    (
      s=$SECONDS r=0
      bash "$DDL_LINT_CI_DIR/start-$n.sh" >"$logs/$n.url" 2>"$logs/$n.log" </dev/null || r=$?
      echo "$r $((SECONDS - s))" >"$logs/$n.rc"
    ) &
    pids+=($!)
  done
  export DDL_LINT_STARTED
  wait "${pids[@]}" || true
  for n in "${names[@]}"; do
    _ddl_server_info "$n"
    read -r rc secs <"$logs/$n.rc" || { rc=1 secs="?"; }
    echo "[ci] ---- start-$n.sh (exit $rc, ${secs}s)"
    cat "$logs/$n.log"
    url=$(tail -n 1 "$logs/$n.url" 2>/dev/null || true)
    version=""
    if [ "$rc" = 0 ] && [[ $url == jdbc:* ]]; then
      version=$("${_client[@]}" --no-defaults -uroot -h127.0.0.1 -P"$_port" --protocol=TCP -N -B \
                  -e 'SELECT VERSION()' 2>"$logs/$n.client") || version=""
    fi
    if [ -n "$version" ]; then
      var=DDL_LINT_$(tr '[:lower:]' '[:upper:]' <<<"$n")_URL
      export "$var=$url"
      echo "[ci] $_label $version ready at 127.0.0.1:$_port ($var=$url)"
    else
      failed=1
      echo "[ci] ERROR: $_label ($n) did not start or does not answer on 127.0.0.1:$_port"
      [ -s "$logs/$n.client" ] && sed 's/^/[ci]   client: /' "$logs/$n.client"
      if [ -s "$_run/mysqld.err" ]; then
        if grep -qxF -- "$(tail -n 1 "$_run/mysqld.err")" "$logs/$n.log"; then
          echo "[ci] (the log above already shows the tail of $_run/mysqld.err)"
        else
          echo "[ci] ---- last 40 lines of $_run/mysqld.err"
          tail -n 40 "$_run/mysqld.err"
          echo "[ci] ----"
        fi
      fi
    fi
  done
  rm -rf "$logs"
  echo "[ci] servers started in $((SECONDS - t0))s"
  return "$failed"
}

stop_servers() {
  local n names
  if [ "${1:-}" = --all ]; then names="mysql mariadb mariadb11"; else names=$DDL_LINT_STARTED; fi
  for n in $names; do
    bash "$DDL_LINT_CI_DIR/stop-$n.sh" || true
  done
  DDL_LINT_STARTED=""
  return 0
}
