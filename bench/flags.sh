#!/usr/bin/env bash
# JVM flags for the CLI, each alone and all together, on examples/ and on ../shared/corpus: medians of RUNS
# interleaved whole-process runs (bench/lib.sh). The AppCDS archives are made first (untimed) by one run over
# examples/ with -XX:ArchiveClassesAtExit, as the package-time archive is. Builds nothing: run
# `mvn -o -B -q -pl cli -am package -DskipTests` first. Usage: bench/flags.sh [RUNS] [examples|corpus|both]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${1:-5}
WHICH=${2:-both}
JAR=$(readlink -f cli/target/ddl-lint.jar)   # a CDS archive only serves the jar path it was made with
CORPUS=../shared/corpus
[ -f "$JAR" ] || { echo "no $JAR: run mvn -o -B -q -pl cli -am package -DskipTests" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
QUIET_CDS="-Xlog:cds=off -Xlog:cds+dynamic=off"
ALL="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m"
train() { # archive, flags
  java $2 -XX:ArchiveClassesAtExit="$1" $QUIET_CDS -jar "$JAR" check examples --fail-on never \
    --format text,json,sarif --output-dir "$tmp/training" >/dev/null 2>&1
  [ -f "$1" ] || { echo "could not make the CDS archive $1" >&2; exit 2; }
}
train "$tmp/cds.jsa" ""
train "$tmp/cds-all.jsa" "$ALL"
rows() { # input, arguments
  local check="-jar $JAR check $2 --format json --fail-on never"
  echo "default flags ($1)";                          echo "java $check"
  echo "-XX:TieredStopAtLevel=1";                     echo "java -XX:TieredStopAtLevel=1 $check"
  echo "-XX:+UseSerialGC";                            echo "java -XX:+UseSerialGC $check"
  echo "-Xmx256m";                                    echo "java -Xmx256m $check"
  echo "AppCDS archive (-XX:SharedArchiveFile)";      echo "java -XX:SharedArchiveFile=$tmp/cds.jsa $QUIET_CDS $check"
  echo "all four";                                    echo "java $ALL -XX:SharedArchiveFile=$tmp/cds-all.jsa $QUIET_CDS $check"
  if [ -x cli/target/ddl-lint ]; then
    echo "cli/target/ddl-lint (the launcher)";        echo "cli/target/ddl-lint check $2 --format json --fail-on never"
  fi
}
run() { local r=(); while IFS= read -r line; do r+=("$line"); done < <(rows "$@"); measure "$RUNS" "${r[@]}"; }
[ "$WHICH" = corpus ] || run examples examples
[ "$WHICH" = examples ] || { [ -d "$CORPUS" ] && run corpus "$CORPUS"; }
