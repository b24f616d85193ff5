#!/usr/bin/env bash
# The "ddl-lint check" step of action.yml: finds or builds the CLI, runs it with every report the action uses,
# prints the text report and the annotations, writes the job summary and the step outputs. It never fails the
# step itself (the action's last step gates on exit-code), so SARIF and the comment are uploaded either way.
# Inputs come as DDL_LINT_* variables (see action.yml); .ci/check-recipes.sh runs it offline.
set -uo pipefail

out_dir=${DDL_LINT_OUTPUT_DIR:-ddl-lint-reports}
github_output=${GITHUB_OUTPUT:-/dev/null}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}

fail() {
  echo "::error title=ddl-lint::$1"
  echo "exit-code=2" >> "$github_output"
  printf '### ddl-lint could not run\n\n%s\n' "$1" >> "$summary"
  exit 0
}

# 1. The CLI: a given jar, a released version from Maven Central, or built from the action's own source.
if [ -n "${DDL_LINT_CLI_JAR:-}" ]; then
  jar=$DDL_LINT_CLI_JAR
  [ -f "$jar" ] || fail "cli-jar: $jar does not exist"
elif [ -n "${DDL_LINT_VERSION:-}" ]; then
  case "$DDL_LINT_VERSION" in
    *:*) artifact=$DDL_LINT_VERSION ;;                      # full coordinates, e.g. with a classifier
    *) artifact="dev.ddllint:ddl-lint-cli:$DDL_LINT_VERSION:jar:all" ;;   # the self-contained jar
  esac
  dest="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/ddl-lint-cli"
  mvn -B -ntp -q dependency:copy -Dartifact="$artifact" -DoutputDirectory="$dest" -Dmdep.stripVersion=true -Dmdep.stripClassifier=true \
    || fail "version: cannot fetch $artifact from Maven Central (mvn dependency:copy failed; see the log)"
  jar=$(ls "$dest"/ddl-lint-cli*.jar 2>/dev/null | head -1)
  [ -n "$jar" ] || fail "version: $artifact fetched, but no ddl-lint-cli jar in $dest"
else
  jar="$action_path/cli/target/ddl-lint.jar"
  if [ ! -f "$jar" ]; then
    echo "ddl-lint: building the CLI from the action's source ($action_path)"
    mvn -B -ntp -q -f "$action_path/pom.xml" -pl cli -am package -DskipTests \
      || fail "building the CLI from $action_path failed (mvn package; see the log), or set version / cli-jar"
  fi
fi

# 2. The arguments.
args=(check)
read -r -a paths <<< "$(printf '%s' "${DDL_LINT_PATHS:-src/main/resources/db/migration}" | tr '\n' ' ')"
args+=("${paths[@]}")
[ -n "${DDL_LINT_TARGET:-}" ] && args+=(--target "$DDL_LINT_TARGET")
[ -n "${DDL_LINT_CONFIG:-}" ] && args+=(--config "$DDL_LINT_CONFIG")
args+=(--fail-on "${DDL_LINT_FAIL_ON:-error}")
since=${DDL_LINT_SINCE:-}
if [ -z "$since" ] && [ -n "${DDL_LINT_BASE_REF:-}" ]; then
  since="origin/$DDL_LINT_BASE_REF"   # a pull request: its own migrations
fi
if [ -n "$since" ] && [ "$since" != none ]; then
  args+=(--since "$since")
fi
if [ -n "${DDL_LINT_ARGS:-}" ]; then
  read -r -a extra <<< "$(printf '%s' "$DDL_LINT_ARGS" | tr '\n' ' ')"
  args+=("${extra[@]}")
fi
mkdir -p "$out_dir"
args+=(--format text,github,sarif,json,html,markdown --output-dir "$out_dir")

# 3. The check: text and the workflow commands (annotations) on standard output.
java -jar "$jar" "${args[@]}"
rc=$?
echo "exit-code=$rc" >> "$github_output"

# 4. Outputs and the job summary.
json="$out_dir/ddl-lint.json"
if [ -f "$json" ]; then
  # The summary object is the JSON report's last one.
  errors=$(grep -o '"errors" : [0-9]*' "$json" | tail -1 | grep -o '[0-9]*$')
  warnings=$(grep -o '"warnings" : [0-9]*' "$json" | tail -1 | grep -o '[0-9]*$')
  echo "errors=${errors:-0}" >> "$github_output"
  echo "warnings=${warnings:-0}" >> "$github_output"
fi
for pair in sarif-file:ddl-lint.sarif html-file:ddl-lint.html markdown-file:ddl-lint.md; do
  file="$out_dir/${pair#*:}"
  [ -f "$file" ] && echo "${pair%%:*}=$file" >> "$github_output"
done
if [ -f "$out_dir/ddl-lint.md" ]; then
  { cat "$out_dir/ddl-lint.md"; printf '\nThe HTML report with every verdict is %s/ddl-lint.html.\n' "$out_dir"; } >> "$summary"
elif [ "$rc" -ne 0 ]; then
  printf '### ddl-lint could not check the migrations (exit %s)\n\nSee the log of the step.\n' "$rc" >> "$summary"
fi
exit 0
