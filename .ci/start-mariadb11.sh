#!/usr/bin/env bash
# start-mariadb11.sh - OPTIONAL third server: MariaDB 11.8 LTS from Debian trixie on 127.0.0.1:3308
# (root with an empty password, database ddl_lint, performance_schema ON). Same technique as
# start-mysql.sh: mariadb-server-core + mariadb-client-core + library closure incl. trixie libc6
# (~17 MB of .debs) unpacked into a private sysroot and run through its own dynamic loader; nothing
# is installed. mariadb-install-db (a shell script) is pointed at a fake --basedir whose bin/ and
# sbin/ hold loader wrappers, so it bootstraps with the trixie binaries.
# Prints the JDBC URL for MySQL Connector/J (one line) on stdout; progress goes to stderr.
# Idempotent (cached sysroot, running server reused). Stop it with .ci/stop-mariadb11.sh.
# .ci/servers.sh starts it only when DDL_LINT_WITH_MARIADB11=1.
#
# Env knobs:
#   DDL_LINT_MARIADB11_CACHE   (default ~/.cache/ddl-lint-mariadb11)   downloads + sysroot
#   DDL_LINT_MARIADB11_PORT    (default 3308)
#   DDL_LINT_MARIADB11_RUNDIR  (default ${TMPDIR:-/tmp}/ddl-lint-mariadb11-$PORT)  datadir, socket, logs
#   DDL_LINT_MARIADB11_SUITE   (default trixie)
#   DDL_LINT_MARIADB11_MIRROR  (default http://deb.debian.org/debian)
#   DDL_LINT_MARIADB11_DB      (default ddl_lint)
#   DDL_LINT_MARIADB11_OPTS    extra mariadbd options (appended)
#   DDL_LINT_MARIADB11_TIMEOUT seconds to wait for readiness (default 120)
#   DDL_LINT_FRESH_DATADIR     =1: when no server is running, wipe the datadir and initialise a new one
set -euo pipefail

CACHE=${DDL_LINT_MARIADB11_CACHE:-$HOME/.cache/ddl-lint-mariadb11}
PORT=${DDL_LINT_MARIADB11_PORT:-3308}
RUN=${DDL_LINT_MARIADB11_RUNDIR:-${TMPDIR:-/tmp}/ddl-lint-mariadb11-$PORT}
SUITE=${DDL_LINT_MARIADB11_SUITE:-trixie}
MIRROR=${DDL_LINT_MARIADB11_MIRROR:-http://deb.debian.org/debian}
DB=${DDL_LINT_MARIADB11_DB:-ddl_lint}
TIMEOUT=${DDL_LINT_MARIADB11_TIMEOUT:-120}
ROOT_PKGS="mariadb-server-core mariadb-client-core"
# perl & friends are pulled in by "perl:any" but mysqld/mysql do not need them
EXCLUDE='^(perl|perl-base|perl-modules-.*|libperl.*|libgdbm.*|libdb5\.3.*|debconf.*|mysql-common|.*-perl)$'
KEYRING=/usr/share/keyrings/debian-archive-keyring.gpg

log() { echo "[start-mariadb11] $*" >&2; }
die() { echo "[start-mariadb11] ERROR: $*" >&2; exit 1; }

mkdir -p "$CACHE"
exec 9>"$CACHE/.lock"
flock -w 600 9 || die "could not lock $CACHE/.lock"

SYS=$CACHE/root
LIBDIR=$SYS/usr/lib/x86_64-linux-gnu
LDSO=$LIBDIR/ld-linux-x86-64.so.2
LIBPATH=$LIBDIR
FAKE=$CACHE/basedir   # fake --basedir: loader wrappers in bin/ sbin/, share/ lib/ -> sysroot
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
  for b in usr/sbin/mariadbd usr/bin/mariadb usr/bin/my_print_defaults; do
    missing+=$("$SYS.tmp/usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2" \
                --library-path "$SYS.tmp/usr/lib/x86_64-linux-gnu" --list "$SYS.tmp/$b" 2>&1 | grep 'not found' || true)
  done
  [ -z "$missing" ] || die "unresolved libraries: $missing"
  rm -rf "$SYS"; mv "$SYS.tmp" "$SYS"
  "$LDSO" --library-path "$LIBPATH" "$SYS/usr/sbin/mariadbd" --version > "$SYS/.ddl-lint-complete"
  log "sysroot ready in $((SECONDS - t0))s: $(cat "$SYS/.ddl-lint-complete")"
}

write_wrappers() {
  rm -rf "$FAKE.tmp"; mkdir -p "$FAKE.tmp/bin" "$FAKE.tmp/sbin"
  ln -s "$SYS/usr/share" "$FAKE.tmp/share"; ln -s "$SYS/usr/lib" "$FAKE.tmp/lib"
  local t
  for t in bin/mariadb bin/my_print_defaults bin/resolveip sbin/mariadbd; do
    printf '#!/bin/sh\n# runs Debian %s %s through the sysroot loader\nexec "%s" --library-path "%s" "%s" "$@"\n' \
      "$SUITE" "$t" "$LDSO" "$LIBPATH" "$SYS/usr/$t" > "$FAKE.tmp/$t"
    chmod +x "$FAKE.tmp/$t"
  done
  rm -rf "$FAKE"; mv "$FAKE.tmp" "$FAKE"
  mkdir -p "$BIN"; ln -sf "$FAKE/bin/mariadb" "$BIN/mariadb"; ln -sf "$FAKE/sbin/mariadbd" "$BIN/mariadbd"
}

[ -f "$SYS/.ddl-lint-complete" ] || build_sysroot
[ -x "$FAKE/sbin/mariadbd" ] || write_wrappers

USER_OPT=(); [ "$(id -u)" = 0 ] && USER_OPT=(--user=root)
COMMON=(--no-defaults "${USER_OPT[@]}" --basedir="$FAKE" --datadir="$RUN/data" --tmpdir="$RUN/tmp"
        --innodb-buffer-pool-size=64M --innodb-log-file-size=16M --innodb-log-buffer-size=4M
        --innodb-doublewrite=0 --innodb-flush-log-at-trx-commit=2 --innodb-adaptive-hash-index=0
        --skip-log-bin --key-buffer-size=4M --aria-pagecache-buffer-size=8M
        --max-connections=60 --table-open-cache=400 --skip-name-resolve
        --character-set-server=utf8mb4 --collation-server=utf8mb4_general_ci
        # performance_schema ON with the MDL instrument (off by default in MariaDB), smaller fixed sizes
        --performance-schema=ON --performance-schema-instrument='wait/lock/metadata/sql/mdl=ON'
        --performance-schema-digests-size=1000 --performance-schema-max-thread-instances=200
        --performance-schema-accounts-size=20 --performance-schema-hosts-size=20 --performance-schema-users-size=20)

ping() { "$FAKE/bin/mariadb" --no-defaults -uroot --socket="$RUN/mysqld.sock" --connect-timeout=2 -e 'SELECT 1' >/dev/null 2>&1; }
url() { echo "jdbc:mysql://127.0.0.1:$PORT/$DB?user=root&password=&useSSL=false&allowPublicKeyRetrieval=true"; }

post_ready() {
  "$FAKE/bin/mariadb" --no-defaults -uroot --socket="$RUN/mysqld.sock" -e "CREATE DATABASE IF NOT EXISTS \`$DB\`"
  log "ready: $("$FAKE/bin/mariadb" --no-defaults -uroot --socket="$RUN/mysqld.sock" -N -e 'select version()') pid $(cat "$RUN/mysqld.pid")"
  url
}

if [ -f "$RUN/mysqld.pid" ] && kill -0 "$(cat "$RUN/mysqld.pid")" 2>/dev/null && ping; then
  log "already running (pid $(cat "$RUN/mysqld.pid"), port $PORT)"
  post_ready; exit 0
fi
rm -f "$RUN/mysqld.pid" "$RUN/mysqld.sock" "$RUN/mysqld.sock.lock"
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  die "port $PORT is already taken by another process (set DDL_LINT_MARIADB11_PORT)"
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
  "$SYS/usr/bin/mariadb-install-db" --no-defaults "${USER_OPT[@]}" --basedir="$FAKE" --datadir="$RUN/data" --tmpdir="$RUN/tmp" \
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

log "starting mariadbd on 127.0.0.1:$PORT (socket $RUN/mysqld.sock)"
# shellcheck disable=SC2086
setsid "$FAKE/sbin/mariadbd" "${COMMON[@]}" --bind-address=127.0.0.1 --port="$PORT" --socket="$RUN/mysqld.sock" \
  --pid-file="$RUN/mysqld.pid" --log-error="$RUN/mysqld.err" ${DDL_LINT_MARIADB11_OPTS:-} \
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
