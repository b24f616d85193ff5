#!/usr/bin/env bash
# The Flyway callback's cost in an application start: bench's FlywayStart (configure, migrate, exit) against a
# real MySQL, without and with ddl-lint's callback, with nothing pending and with bench/flyway/migrations' five
# pending; medians of RUNS interleaved whole-process runs (bench/lib.sh), then the medians of migrate() itself.
# Uses its own schemas b15p_bench_done and b15p_bench_pending (dropped at the end). Builds nothing: run
#   mvn -o -B -q -pl flyway-plugin -am package -DskipTests && mvn -o -B -q -Pbench -pl bench -am package -DskipTests
# Usage: bench/flyway.sh [RUNS]   (DDL_LINT_MYSQL_URL, default jdbc:mysql://127.0.0.1:3307/; user root, no password)
# COMPARE_JAR=another/ddl-lint-flyway.jar adds its rows beside this build's (a before/after table in one run).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${1:-5}
BASE=${DDL_LINT_MYSQL_URL:-jdbc:mysql://127.0.0.1:3307/}
BASE=${BASE%%\?*}; BASE=${BASE%/*}/   # the server only: each row names its schema
hostport=${BASE#jdbc:mysql://}; hostport=${hostport%/}
MYSQL=(mysql -h"${hostport%:*}" -P"${hostport##*:}" -uroot)
PLUGIN=$(ls flyway-plugin/target/ddl-lint-flyway-*.jar 2>/dev/null | grep -v -- '-sources\|-javadoc\|original' | head -1)
[ -n "$PLUGIN" ] || { echo "no flyway-plugin/target/ddl-lint-flyway-*.jar: mvn -o -B -q -pl flyway-plugin -am package -DskipTests" >&2; exit 2; }
[ -f bench/target/flyway-classpath.txt ] || { echo "no bench/target: mvn -o -B -q -Pbench -pl bench -am package -DskipTests" >&2; exit 2; }
CP="bench/target/classes:$(cat bench/target/flyway-classpath.txt)"
LOC="filesystem:$(pwd)/bench/flyway/migrations"
out=$(mktemp -d); trap 'rm -rf "$out"; "${MYSQL[@]}" -e "DROP SCHEMA IF EXISTS b15p_bench_done; DROP SCHEMA IF EXISTS b15p_bench_pending" 2>/dev/null || true' EXIT

"${MYSQL[@]}" -e "DROP SCHEMA IF EXISTS b15p_bench_done; CREATE SCHEMA b15p_bench_done"
java -cp "$CP" dev.ddllint.bench.FlywayStart "${BASE}b15p_bench_done" b15p_bench_done "$LOC" plain >/dev/null 2>&1
reset_pending() { case $1 in *five*) "${MYSQL[@]}" -e "DROP SCHEMA IF EXISTS b15p_bench_pending; CREATE SCHEMA b15p_bench_pending" ;; esac; }
BENCH_BEFORE=reset_pending

row() { # name, schema, classpath, mode
  echo "$1"
  echo "java -Dbench.out=$out/${1// /_} -cp $3 dev.ddllint.bench.FlywayStart ${BASE}$2 $2 $LOC $4"
}
rows=()
while IFS= read -r line; do rows+=("$line"); done < <(
  row "plain, nothing pending" b15p_bench_done "$CP" plain
  row "ddl-lint, nothing pending" b15p_bench_done "$CP:$PLUGIN" callback
  [ -n "${COMPARE_JAR:-}" ] && row "COMPARE_JAR, nothing pending" b15p_bench_done "$CP:$COMPARE_JAR" callback
  row "plain, five pending" b15p_bench_pending "$CP" plain
  row "ddl-lint, five pending" b15p_bench_pending "$CP:$PLUGIN" callback
  [ -n "${COMPARE_JAR:-}" ] && row "COMPARE_JAR, five pending" b15p_bench_pending "$CP:$COMPARE_JAR" callback
  true)
measure "$RUNS" "${rows[@]}"
echo
echo "migrate() alone, median ms (range):"
for k in $(seq 0 2 $((${#rows[@]} - 1))); do
  f="$out/${rows[$k]// /_}"
  [ -f "$f" ] && printf '  %-32s %6s (%s–%s)\n' "${rows[$k]}" "$(median < "$f")" "$(sort -n "$f" | head -1)" "$(sort -n "$f" | tail -1)"
done
