#!/usr/bin/env bash
# Whole-process figures of the CLI, side by side with one raw JSqlParser pass over the same files: medians of RUNS
# interleaved runs (wall, CPU, peak RSS, load average). Builds nothing: run
#   mvn -o -B -q -pl cli -am package -DskipTests && mvn -o -B -q -Pbench -pl bench -am package -DskipTests
# first (without bench/target/benchmarks.jar the raw pass is left out). Usage: bench/run.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
RUNS=${1:-5}
JAR=cli/target/ddl-lint.jar
BENCH=bench/target/benchmarks.jar
CORPUS=../shared/corpus
[ -f "$JAR" ] || { echo "no $JAR: run mvn -o -B -q -pl cli -am package -DskipTests" >&2; exit 2; }
rows=()
if [ -d "$CORPUS" ]; then
  rows+=("CLI, corpus (JSON report)" "java -jar $JAR check $CORPUS --format json --fail-on never")
  if [ -f "$BENCH" ]; then
    rows+=("raw JSqlParser 5.4 pass, corpus" "java -cp $BENCH dev.ddllint.bench.RawJSqlParserPass $CORPUS")
  else
    echo "no $BENCH: the raw JSqlParser row is left out (mvn -o -B -q -Pbench -pl bench -am package -DskipTests)" >&2
  fi
fi
rows+=("CLI, examples/ (JSON report)" "java -jar $JAR check examples --format json --fail-on never")
# The launcher (cli/target/ddl-lint: JVM flags and the CDS archive, docs/benchmarks.md), when the build made it.
if [ -x cli/target/ddl-lint ]; then
  [ -d "$CORPUS" ] && rows+=("launcher, corpus" "cli/target/ddl-lint check $CORPUS --format json --fail-on never")
  rows+=("launcher, examples/" "cli/target/ddl-lint check examples --format json --fail-on never")
fi
measure "$RUNS" "${rows[@]}"
