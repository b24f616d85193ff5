# Shared by bench/*.sh: medians of interleaved whole-process runs, one table row per command.
# measure RUNS NAME1 CMD1 NAME2 CMD2 ...: runs each command once per round, RUNS rounds, in the order given (so
# machine load falls on every row alike), then prints wall, CPU (user + system) and peak RSS, medians and the
# wall's range, and the load average (1 min) before and after. BENCH_BEFORE, if set, is run (untimed) before each
# timed command, with the row's name as its argument. Output of the commands goes to /dev/null; a command that
# fails is counted and named.

median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }

measure() {
  local runs=$1; shift
  local names=() cmds=()
  while [ $# -gt 0 ]; do names+=("$1"); cmds+=("$2"); shift 2; done
  local tmp; tmp=$(mktemp -d)
  local load_before; load_before=$(cut -d' ' -f1 /proc/loadavg)
  local i k
  for i in $(seq "$runs"); do
    for k in "${!names[@]}"; do
      [ -n "${BENCH_BEFORE:-}" ] && $BENCH_BEFORE "${names[$k]}" >/dev/null 2>&1
      if ! /usr/bin/time -f "%e %U %S %M" -o "$tmp/t" bash -c "${cmds[$k]}" >/dev/null 2>"$tmp/err.$k"; then
        echo "${names[$k]}" >> "$tmp/failed.$k"
      fi
      local wall user sys rss
      read -r wall user sys rss < <(tail -1 "$tmp/t")
      echo "$wall $(awk "BEGIN{print $user+$sys}") $rss" >> "$tmp/$k"
    done
  done
  printf '%-34s %22s %8s %10s   (medians of %d interleaved runs; load average %s before, %s after)\n' \
    run "wall s (range)" "CPU s" "RSS MiB" "$runs" "$load_before" "$(cut -d' ' -f1 /proc/loadavg)"
  for k in "${!names[@]}"; do
    local w lo hi c r
    w=$(cut -d' ' -f1 "$tmp/$k" | median); c=$(cut -d' ' -f2 "$tmp/$k" | median)
    lo=$(cut -d' ' -f1 "$tmp/$k" | sort -n | head -1); hi=$(cut -d' ' -f1 "$tmp/$k" | sort -n | tail -1)
    r=$(cut -d' ' -f3 "$tmp/$k" | median)
    printf '%-34s %22s %8s %10s' "${names[$k]}" "$w ($lo–$hi)" "$c" "$(awk "BEGIN{printf \"%.0f\", $r/1024}")"
    [ -f "$tmp/failed.$k" ] && printf '   FAILED %d time(s): %s' "$(wc -l < "$tmp/failed.$k")" \
      "$(head -c 200 "$tmp/err.$k" | tr '\n' ' ')"
    printf '\n'
  done
  rm -rf "$tmp"
}
