#!/usr/bin/env bash
# The entry of the pre-commit hook (.pre-commit-hooks.yaml). Arguments: the hook's args from the user's
# .pre-commit-config.yaml, i.e. migration folders and ddl-lint check options; without a folder,
# src/main/resources/db/migration; without --since, --since HEAD (only what this commit changes is reported).
# The CLI: $DDL_LINT_JAR, else this repository's cli/target/ddl-lint.jar, built once with Maven when missing.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

jar=${DDL_LINT_JAR:-$here/cli/target/ddl-lint.jar}
if [ ! -f "$jar" ]; then
  if [ -n "${DDL_LINT_JAR:-}" ]; then
    echo "ddl-lint: DDL_LINT_JAR=$DDL_LINT_JAR does not exist" >&2
    exit 2
  fi
  echo "ddl-lint: building the CLI once (mvn package in $here)" >&2
  mvn -B -ntp -q -f "$here/pom.xml" -pl cli -am package -DskipTests >&2 || {
    echo "ddl-lint: building the CLI failed; install Java 17 and Maven, or set DDL_LINT_JAR" >&2
    exit 2
  }
fi

has_path=false
has_since=false
expect_value=false
for a in "$@"; do
  if $expect_value; then expect_value=false; continue; fi
  case "$a" in
    --since|--since=*) has_since=true; [ "$a" = --since ] && expect_value=true ;;
    --*=*) ;;
    --target|--config|--config-file|--fail-on|--format|--output|--output-dir|--baseline-file|--docs-base-url|--jdbc-url|-D|--placeholder)
      expect_value=true ;;
    -*) ;;
    *) has_path=true ;;
  esac
done
args=("$@")
$has_path || args+=(src/main/resources/db/migration)
$has_since || args+=(--since HEAD)
exec java -jar "$jar" check "${args[@]}"
