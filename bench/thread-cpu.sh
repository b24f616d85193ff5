#!/usr/bin/env bash
# CPU seconds per thread of one Java process, grouped by thread name (C2 and C1 compiler threads, GC threads,
# main, ddl-lint's own pools): reads /proc/PID/task/*/stat every 0.2 s and keeps each thread's last figure, so a
# thread that ends between two reads loses its last 0.2 s. Usage: bench/thread-cpu.sh java ARGS...
set -uo pipefail
"$@" >/dev/null 2>&1 &
pid=$!
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tck=$(getconf CLK_TCK)
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    # comm may hold spaces: the fields after the last ')' are fixed; utime and stime are fields 14 and 15
    s=$(cat "$t/stat" 2>/dev/null) || continue
    name=$(cat "$t/comm" 2>/dev/null | sed 's/[0-9]*$//; s/ *$//')
    rest=${s##*) }
    set -- $rest
    echo "${name// /_} $(( ${12} + ${13} ))" > "$tmp/${t##*/}"
  done
  sleep 0.2
done
wait "$pid"
cat "$tmp"/* | awk -v tck="$tck" '{c[$1]+=$2; total+=$2} END {for (n in c) printf "%8.2f s  %s\n", c[n]/tck, n; printf "%8.2f s  (all threads)\n", total/tck}' | sort -rn
