#!/usr/bin/env bash
# Whole-process figures of the CLI, side by side: medians of RUNS interleaved runs (wall, CPU, peak RSS).
# Builds nothing: run `mvn -o -B -q -pl cli -am package -DskipTests` first. Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
JAR=cli/target/ddl-lint.jar
CORPUS=../shared/corpus
[ -f "$JAR" ] || { echo "no $JAR: run mvn -o -B -q -pl cli -am package -DskipTests" >&2; exit 2; }
declare -A CMDS=(
  [corpus]="java -jar $JAR check $CORPUS --format json --fail-on never"
  [examples]="java -jar $JAR check examples --format json --fail-on never"
)
ORDER=(corpus examples)
[ -d "$CORPUS" ] || ORDER=(examples)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for i in $(seq "$RUNS"); do
  for name in "${ORDER[@]}"; do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" ${CMDS[$name]} >/dev/null 2>"$tmp/err" || true
    read -r wall user sys rss < "$tmp/t"
    echo "$wall $(awk "BEGIN{print $user+$sys}") $rss" >> "$tmp/$name"
  done
done
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
printf '%-10s %10s %10s %14s   (medians of %d interleaved runs; load %s)\n' run "wall s" "CPU s" "peak RSS MiB" \
  "$RUNS" "$(cut -d' ' -f1-3 /proc/loadavg)"
for name in "${ORDER[@]}"; do
  w=$(cut -d' ' -f1 "$tmp/$name" | median); c=$(cut -d' ' -f2 "$tmp/$name" | median)
  r=$(cut -d' ' -f3 "$tmp/$name" | median)
  printf '%-10s %10s %10s %14s\n' "$name" "$w" "$c" "$(awk "BEGIN{printf \"%.0f\", $r/1024}")"
done
