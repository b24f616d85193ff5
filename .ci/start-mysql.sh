#!/usr/bin/env bash
# start-mysql.sh - run a REAL MySQL 9.x server (Debian sid's mysql-server-core) on a Debian 12
# machine without touching apt sources or installed packages; 127.0.0.1:3307, root with an empty
# password, database ddl_lint, performance_schema ON. Prints the JDBC URL (one line) on stdout;
# progress goes to stderr. Stop it with .ci/stop-mysql.sh.
#
#  1. private apt state (own sources.list with "sid main", own lists/cache dirs)
#  2. apt-get download mysql-server-core + mysql-client-core + their library closure (incl. sid libc6)
#  3. dpkg -x everything into a private sysroot  ($CACHE/root)
#  4. run the sid binaries through the sid dynamic loader:
#       $CACHE/root/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 --library-path ... mysqld ...
#     (wrappers for mysqld/mysql/mysqladmin/mysqldump land in $CACHE/bin)
#  5. mysqld --initialize-insecure (root@localhost, empty password) into $RUN/data (only once)
#  6. start mysqld on 127.0.0.1:$PORT with its own socket, wait until it answers, print the JDBC URL
#
# Idempotent: a complete sysroot is reused (no network needed on the warm path); a running server is
# reused.  Serialised with flock so parallel callers are safe.
#
# Env knobs:
#   DDL_LINT_MYSQL_CACHE   (default ~/.cache/ddl-lint-mysql)   downloads + sysroot
#   DDL_LINT_MYSQL_PORT    (default 3307)
#   DDL_LINT_MYSQL_RUNDIR  (default ${TMPDIR:-/tmp}/ddl-lint-mysql-$PORT)  datadir, socket, logs
#   DDL_LINT_MYSQL_SUITE   (default sid)
#   DDL_LINT_MYSQL_MIRROR  (default http://deb.debian.org/debian)
#   DDL_LINT_MYSQL_DB      (default ddl_lint)  database created after start
#   DDL_LINT_MYSQL_OPTS    extra mysqld options (appended)
#   DDL_LINT_MYSQL_TIMEOUT seconds to wait for readiness (default 120)
#   DDL_LINT_MYSQL_EXPECT  (default 9.7.) version prefix expected from sid; a mismatch is a loud warning
#   DDL_LINT_FRESH_DATADIR =1: when no server is running, wipe the datadir and initialise a new one
#                          (.ci/servers.sh sets it under CI=true)
set -euo pipefail

CACHE=${DDL_LINT_MYSQL_CACHE:-$HOME/.cache/ddl-lint-mysql}
PORT=${DDL_LINT_MYSQL_PORT:-3307}
RUN=${DDL_LINT_MYSQL_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mysql-$PORT}
SUITE=${DDL_LINT_MYSQL_SUITE:-sid}
MIRROR=${DDL_LINT_MYSQL_MIRROR:-http://deb.debian.org/debian}
DB=${DDL_LINT_MYSQL_DB:-ddl_lint}
TIMEOUT=${DDL_LINT_MYSQL_TIMEOUT:-120}
EXPECT=${DDL_LINT_MYSQL_EXPECT:-9.7.}
ROOT_PKGS="mysql-server-core mysql-client-core"
# perl & friends are pulled in by "perl:any" but mysqld/mysql do not need them
EXCLUDE='^(perl|perl-base|perl-modules-.*|libperl.*|libgdbm.*|libdb5\.3.*|debconf.*|mysql-common)$'
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { echo "[start-mysql] $*" >&2; }
die() { echo "[start-mysql] ERROR: $*" >&2; exit 1; }

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock -w 600 9 || die "could not lock $CACHE/.lock"

SYS=$CACHE/root
LIBDIR=$SYS/usr/lib/x86_64-linux-gnu
LDSO=$LIBDIR/ld-linux-x86-64.so.2
LIBPATH=$LIBDIR:$LIBDIR/krb5/plugins/preauth
BIN=$CACHE/bin

apt_opts() {
  local A=$CACHE/apt
  echo "-o Dir::State::Lists=$A/lists -o Dir::Etc::SourceList=$A/sources.list -o Dir::Etc::SourceParts=/dev/null" \
       "-o Dir::Etc::Preferences=/dev/null -o Dir::Etc::PreferencesParts=/dev/null" \
       "-o Dir::Cache=$A/cache -o Dir::State::status=/dev/null -o APT::Architecture=amd64" \
       "-o APT::Architectures::=amd64 -o Acquire::Languages=none -o APT::Sandbox::User=root -o Debug::NoLocking=1"
}

build_sysroot() {
  local A=$CACHE/apt t0=$SECONDS
  log "building sysroot from Debian $SUITE (private apt state in $A)"
  mkdir -p "$A/lists/partial" "$A/cache/archives/partial" "$CACHE/debs"
  echo "deb [signed-by=$KEYRING] $MIRROR $SUITE main" > "$A/sources.list"
  # shellcheck disable=SC2046
  apt-get $(apt_opts) -qq update >&2 || die "apt-get update ($SUITE) failed"
  local pkgs
  # shellcheck disable=SC2046
  pkgs=$(apt-cache $(apt_opts) depends --recurse --no-recommends --no-suggests --no-conflicts \
           --no-breaks --no-replaces --no-enhances $ROOT_PKGS 2>/dev/null \
         | grep -v '^ ' | grep -v '^<' | sort -u | grep -Ev "$EXCLUDE" | tr '\n' ' ')
  [ -n "$pkgs" ] || die "dependency resolution returned nothing"
  log "packages: $(wc -w <<<"$pkgs")"
  # exact candidate versions (one apt-cache call; no early-closing pipes under pipefail)
  local vers need=() p v f
  # shellcheck disable=SC2046,SC2086
  vers=$(apt-cache $(apt_opts) policy $pkgs | awk '/^[^ ]/{sub(":$","",$1); p=$1} /Candidate:/{print p, $2}')
  while read -r p v; do
    [ -n "$v" ] && [ "$v" != "(none)" ] || die "no candidate for $p in $SUITE"
    compgen -G "$CACHE/debs/${p}_${v//:/%3a}_*.deb" >/dev/null || need+=("$p=$v")
  done <<< "$vers"
  if [ ${#need[@]} -gt 0 ]; then
    log "downloading ${#need[@]} .deb files"
    # shellcheck disable=SC2046
    (cd "$CACHE/debs" && apt-get $(apt_opts) -qq download "${need[@]}" >&2) || die "apt-get download failed"
  fi
  rm -rf "$SYS.tmp"; mkdir -p "$SYS.tmp"
  echo "$vers" > "$CACHE/packages.txt"
  while read -r p v; do
    for f in "$CACHE/debs/${p}_${v//:/%3a}_"*.deb; do dpkg-deb -x "$f" "$SYS.tmp"; done
  done <<< "$vers"
  rm -rf "$SYS.tmp/usr/share/doc" "$SYS.tmp/usr/share/man" "$SYS.tmp/usr/share/locale" "$SYS.tmp/usr/share/lintian"
  # sanity: every needed shared library must resolve inside the sysroot
  local missing=""
  for b in usr/sbin/mysqld usr/bin/mysql usr/bin/mysqladmin usr/bin/mysqldump; do
    missing+=$("$SYS.tmp/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" \
                --library-path "$SYS.tmp/usr/lib/x86_64-linux-gnu" --list "$SYS.tmp/$b" 2>&1 | grep 'not found' || true)
  done
  [ -z "$missing" ] || die "unresolved libraries: $missing"
  rm -rf "$SYS"; mv "$SYS.tmp" "$SYS"
  "$LDSO" --library-path "$LIBPATH" "$SYS/usr/sbin/mysqld" --version > "$SYS/.ddl-lint-complete"
  log "sysroot ready in $((SECONDS - t0))s: $(cat "$SYS/.ddl-lint-complete")"
}

write_wrappers() {
  mkdir -p "$BIN"
  local tool dir
  for tool in mysqld mysql mysqladmin mysqldump; do
    dir=usr/bin; [ "$tool" = mysqld ] && dir=usr/sbin
    cat > "$BIN/$tool.tmp" <<EOF
#!/bin/sh
# runs Debian $SUITE's $tool through the sysroot's own dynamic loader
exec "$LDSO" --library-path "$LIBPATH" "$SYS/$dir/$tool" "\$@"
EOF
    chmod +x "$BIN/$tool.tmp"; mv "$BIN/$tool.tmp" "$BIN/$tool"
  done
}

[ -f "$SYS/.ddl-lint-complete" ] || build_sysroot
[ -x "$BIN/mysqladmin" ] || write_wrappers
case "$(cat "$SYS/.ddl-lint-complete")" in
  *" $EXPECT"*) ;;
  *) log "WARNING: expected MySQL $EXPECT*, the cached sysroot has: $(cat "$SYS/.ddl-lint-complete")"
     log "WARNING: (Debian $SUITE moved?) packages in $CACHE/packages.txt" ;;
esac

USER_OPT=(); [ "$(id -u)" = 0 ] && USER_OPT=(--user=root)
COMMON=(--no-defaults "${USER_OPT[@]}" --basedir="$SYS/usr" --lc-messages-dir="$SYS/usr/share/mysql"
        --character-sets-dir="$SYS/usr/share/mysql/charsets" --plugin-dir="$SYS/usr/lib/mysql/plugin"
        --datadir="$RUN/data" --tmpdir="$RUN/tmp" --secure-file-priv="$RUN/files"
        --innodb-buffer-pool-size=64M --innodb-redo-log-capacity=16M --innodb-log-buffer-size=4M
        --innodb-doublewrite=OFF --innodb-flush-log-at-trx-commit=2 --innodb-adaptive-hash-index=OFF
        --skip-log-bin --mysqlx=OFF --key-buffer-size=4M
        --max-connections=60 --table-open-cache=400 --skip-name-resolve
        # performance_schema ON (tests read performance_schema.metadata_locks; the MDL instrument is on
        # by default in 9.x). Smaller fixed sizes: RSS ~240 MiB instead of ~340 MiB with the defaults.
        --performance-schema=ON --performance-schema-digests-size=1000 --performance-schema-max-thread-instances=200
        --performance-schema-accounts-size=20 --performance-schema-hosts-size=20 --performance-schema-users-size=20)

ping() { "$BIN/mysqladmin" --no-defaults -uroot --socket="$RUN/mysqld.sock" --connect-timeout=2 ping >/dev/null 2>&1; }
url() { echo "jdbc:mysql://127.0.0.1:$PORT/$DB?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true"; }

post_ready() {
  # root@localhost only matches socket connections; with --skip-name-resolve TCP clients arrive as 127.0.0.1
  "$BIN/mysql" --no-defaults -uroot --socket="$RUN/mysqld.sock" -e "CREATE USER IF NOT EXISTS 'root'@'127.0.0.1' IDENTIFIED BY '';
    GRANT ALL PRIVILEGES ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; CREATE DATABASE IF NOT EXISTS \`$DB\`"
  log "ready: $("$BIN/mysql" --no-defaults -uroot --socket="$RUN/mysqld.sock" -N -e 'select version()') pid $(cat "$RUN/mysqld.pid")"
  url
}

if [ -f "$RUN/mysqld.pid" ] && kill -0 "$(cat "$RUN/mysqld.pid")" 2>/dev/null && ping; then
  log "already running (pid $(cat "$RUN/mysqld.pid"), port $PORT)"
  post_ready; exit 0
fi
rm -f "$RUN/mysqld.pid" "$RUN/mysqld.sock" "$RUN/mysqld.sock.lock"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already taken by another process (set DDL_LINT_MYSQL_PORT)"
fi

if [ "${DDL_LINT_FRESH_DATADIR:-0}" = 1 ] && [ -d "$RUN/data" ]; then
  log "DDL_LINT_FRESH_DATADIR=1: discarding the old datadir $RUN/data"
  rm -rf "$RUN/data" "$RUN/tmp" "$RUN/files"
fi
mkdir -p "$RUN/tmp" "$RUN/files"
if [ ! -d "$RUN/data/mysql" ]; then
  log "initializing datadir $RUN/data"
  rm -rf "$RUN/data"
  "$BIN/mysqld" "${COMMON[@]}" --initialize-insecure --log-error="$RUN/init.err" \
    || { cat "$RUN/init.err" >&2; die "mysqld --initialize-insecure failed"; }
fi

log "starting mysqld on 127.0.0.1:$PORT (socket $RUN/mysqld.sock)"
# shellcheck disable=SC2086
setsid "$BIN/mysqld" "${COMMON[@]}" --bind-address=127.0.0.1 --port="$PORT" --socket="$RUN/mysqld.sock" \
  --pid-file="$RUN/mysqld.pid" --log-error="$RUN/mysqld.err" ${DDL_LINT_MYSQL_OPTS:-} \
  </dev/null >>"$RUN/mysqld.out" 2>&1 9>&- &
PID=$!
echo "$PID" > "$RUN/launcher.pid"
for ((i = 0; i < TIMEOUT * 5; i++)); do
  ping && break
  kill -0 "$PID" 2>/dev/null || { tail -30 "$RUN/mysqld.err" >&2; die "mysqld exited during startup"; }
  sleep 0.2
done
ping || { tail -30 "$RUN/mysqld.err" >&2; die "mysqld not ready after ${TIMEOUT}s"; }
post_ready
