#!/usr/bin/env bash
# .ci/check-recipes.sh [CLI_JAR] [OUT_DIR] - exercises the CI recipes of docs/ci.md offline, on examples/db/migration.
#
# For each recipe it runs what the recipe runs, in a scratch project holding the examples in
# src/main/resources/db/migration, with the CLI jar of this build standing in for the one the recipe fetches
# (ddl-lint-cli.jar; the fetch itself needs Maven Central):
#   github     action/check.sh with the environment the runner gives (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, …),
#              then action/comment.sh twice against a stand-in gh (first a new comment, then the same one updated),
#              size-capped; and check.sh with a missing jar (exit-code 2)
#   gitlab     the `java -jar ddl-lint-cli.jar check …` line of the GitLab recipe, read from docs/ci.md
#   jenkins    the `java -jar ddl-lint-cli.jar check …` line of the Jenkins recipe, read from docs/ci.md
#   gradle     what the documented JavaExec task runs: java -cp <jar> <mainClass> <args>, also read from docs/ci.md
#   pre-commit action/pre-commit.sh in a git repository with one migration changed since HEAD
# Reports go to OUT_DIR/<recipe>/; CiRecipesIT (cli, mvn verify) runs this script and validates them (GitLab and
# Checkstyle against their schemas, action.yml and .pre-commit-hooks.yaml against what GitHub and pre-commit read).
# Exit 0 when every recipe behaved; otherwise 1 with the recipe and the reason.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)
jar=$(realpath "${1:-cli/target/ddl-lint.jar}" 2>/dev/null || true)
out=${2:-$(mktemp -d)}
mkdir -p "$out"
out=$(realpath "$out")
docs=docs/ci.md
failures=0

if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "check-recipes: no CLI jar at ${1:-cli/target/ddl-lint.jar}; build it with mvn -pl cli -am package -DskipTests" >&2
  exit 2
fi

fail() { echo "check-recipes: FAIL [$1] $2"; failures=$((failures + 1)); }
ok() { echo "check-recipes: ok   [$1] $2"; }

# A user's project: the examples where Flyway keeps migrations, and the CLI as the recipes fetch it.
project() {
  local dir="$out/$1/project"
  rm -rf "$dir"
  mkdir -p "$dir/src/main/resources/db/migration"
  cp examples/db/migration/*.sql "$dir/src/main/resources/db/migration/"
  cp "$jar" "$dir/ddl-lint-cli.jar"
  echo "$dir"
}

# The single line of docs/ci.md that starts (after blanks and a quote) with $2; fails the recipe when absent.
doc_line() {
  grep -E "^[[:space:]]*(sh ')?$2" "$docs" | head -1 | sed -E "s/^[[:space:]]*(sh ')?//; s/'[[:space:]]*\$//"
}

expect_exit() { # recipe, expected, actual, what
  if [ "$3" -eq "$2" ]; then ok "$1" "$4 exits $3"; else fail "$1" "$4 exited $3, expected $2"; fi
}

expect_file() { # recipe, file
  if [ -s "$2" ]; then ok "$1" "wrote ${2#"$out"/}"; else fail "$1" "missing ${2#"$out"/}"; fi
}

expect_grep() { # recipe, pattern, file, what
  if grep -q -- "$2" "$3"; then ok "$1" "$4"; else fail "$1" "$4: '$2' not in ${3#"$out"/}"; fi
}

# Every recipe without Maven fetches the CLI the same way, to ddl-lint-cli.jar.
fetch='mvn -B -ntp -q dependency:copy -Dartifact=dev.ddllint:ddl-lint-cli:'
for recipe in gitlab jenkins; do
  [ "$(grep -c -- "$fetch" "$docs")" -ge 3 ] || fail "$recipe" "docs/ci.md: the fetch line ($fetch…) is missing"
done

# ---- github: the composite action's scripts
p=$(project github)
gh_dir="$out/github/bin"
mkdir -p "$gh_dir"
cat > "$gh_dir/gh" <<'GH'
#!/usr/bin/env bash
# A stand-in for the gh CLI: logs the call, keeps the body, answers the comment search with $FAKE_GH_COMMENT_ID.
echo "gh $*" >> "$FAKE_GH_LOG"
for a in "$@"; do case "$a" in body=*) printf '%s' "${a#body=}" > "$FAKE_GH_BODY" ;; esac; done
case " $* " in *" --paginate "*) [ -n "${FAKE_GH_COMMENT_ID:-}" ] && echo "$FAKE_GH_COMMENT_ID" ;; esac
exit 0
GH
chmod +x "$gh_dir/gh"
(
  cd "$p" && GITHUB_ACTION_PATH=$root GITHUB_OUTPUT="$out/github/output" GITHUB_STEP_SUMMARY="$out/github/summary.md" \
    DDL_LINT_PATHS=src/main/resources/db/migration DDL_LINT_TARGET=mysql:8.0.35 DDL_LINT_FAIL_ON=error \
    DDL_LINT_CLI_JAR="$p/ddl-lint-cli.jar" DDL_LINT_OUTPUT_DIR=ddl-lint-reports \
    bash "$root/action/check.sh" > "$out/github/stdout" 2> "$out/github/stderr"
)
expect_exit github 0 $? "action/check.sh (the gate is the action's last step)"
expect_grep github '^exit-code=1$' "$out/github/output" "exit-code=1 for the unsafe examples"
expect_grep github '^errors=[1-9]' "$out/github/output" "errors counted"
expect_grep github "^sarif-file=ddl-lint-reports/ddl-lint.sarif$" "$out/github/output" "sarif-file for upload-sarif"
expect_grep github '^::error file=src/main/resources/db/migration/V3__widen_amount.sql,line=4' "$out/github/stdout" \
  "annotations on standard output"
expect_grep github '^### ddl-lint: unsafe migrations' "$out/github/summary.md" "job summary"
expect_file github "$p/ddl-lint-reports/ddl-lint.html"
cp -r "$p/ddl-lint-reports" "$out/github/reports"

export FAKE_GH_LOG="$out/github/gh.log" FAKE_GH_BODY="$out/github/comment.md"
rm -f "$FAKE_GH_LOG"
PATH="$gh_dir:$PATH" DDL_LINT_REPOSITORY=acme/shop DDL_LINT_PR=7 DDL_LINT_MARKDOWN="$p/ddl-lint-reports/ddl-lint.md" \
  DDL_LINT_COMMENT_MAX_CHARS=1000 bash action/comment.sh > "$out/github/comment1.out"
expect_grep github '^gh api -X POST repos/acme/shop/issues/7/comments' "$FAKE_GH_LOG" "a new pull-request comment"
expect_grep github '^<!-- ddl-lint:pull-request-comment -->' "$FAKE_GH_BODY" "the comment's marker"
size=$(wc -m < "$FAKE_GH_BODY")
if [ "$size" -le 1000 ]; then ok github "comment cut to $size ≤ 1000 characters"; else fail github "comment has $size > 1000 characters"; fi
expect_grep github 'cut at 1000 characters' "$FAKE_GH_BODY" "the cut is said"
PATH="$gh_dir:$PATH" FAKE_GH_COMMENT_ID=4242 DDL_LINT_REPOSITORY=acme/shop DDL_LINT_PR=7 \
  DDL_LINT_MARKDOWN="$p/ddl-lint-reports/ddl-lint.md" bash action/comment.sh > "$out/github/comment2.out"
expect_grep github '^gh api -X PATCH repos/acme/shop/issues/comments/4242' "$FAKE_GH_LOG" "the same comment updated in place"
if [ "$(grep -c -- '-X POST' "$FAKE_GH_LOG")" -eq 1 ]; then ok github "one comment, not two"; else fail github "a second comment was posted"; fi

(
  cd "$p" && GITHUB_OUTPUT="$out/github/output-missing" GITHUB_STEP_SUMMARY="$out/github/summary-missing.md" \
    DDL_LINT_CLI_JAR="$p/no-such.jar" bash "$root/action/check.sh" > "$out/github/stdout-missing"
)
expect_grep github '^exit-code=2$' "$out/github/output-missing" "a missing CLI is exit-code 2 (the gate fails)"

# ---- gitlab: the recipe's command line
p=$(project gitlab)
line=$(doc_line gitlab 'java -jar ddl-lint-cli.jar check .*--format text,gitlab')
if [ -z "$line" ]; then fail gitlab "docs/ci.md has no 'java -jar ddl-lint-cli.jar check … --format text,gitlab' line"; else
  (cd "$p" && SINCE="" && eval "$line" > "$out/gitlab/stdout" 2> "$out/gitlab/stderr")
  expect_exit gitlab 1 $? "$line"
  expect_file gitlab "$p/ddl-lint-reports/ddl-lint-gitlab.json"
  expect_file gitlab "$p/ddl-lint-reports/ddl-lint-junit.xml"
  expect_file gitlab "$p/ddl-lint-reports/ddl-lint.html"
  expect_grep gitlab 'codequality: ddl-lint-reports/ddl-lint-gitlab.json' "$docs" "artifacts:reports:codequality names that file"
  cp -r "$p/ddl-lint-reports" "$out/gitlab/reports"
fi

# ---- jenkins: the recipe's command line
p=$(project jenkins)
line=$(doc_line jenkins 'java -jar ddl-lint-cli.jar check .*--format text,checkstyle')
if [ -z "$line" ]; then fail jenkins "docs/ci.md has no 'java -jar ddl-lint-cli.jar check … --format text,checkstyle' line"; else
  (cd "$p" && eval "$line" > "$out/jenkins/stdout" 2> "$out/jenkins/stderr")
  expect_exit jenkins 1 $? "$line"
  expect_file jenkins "$p/ddl-lint-reports/ddl-lint-checkstyle.xml"
  expect_grep jenkins "pattern: 'ddl-lint-reports/ddl-lint-checkstyle.xml'" "$docs" "recordIssues reads that file"
  cp -r "$p/ddl-lint-reports" "$out/jenkins/reports"
fi

# ---- gradle: what the JavaExec task runs
p=$(project gradle)
main=$(grep -o 'mainClass.set("[^"]*")' "$docs" | head -1 | sed -E 's/.*"(.*)".*/\1/')
manifest_main=$(unzip -p "$jar" META-INF/MANIFEST.MF 2>/dev/null | tr -d '\r' | sed -n 's/^Main-Class: //p')
if [ -n "$main" ] && { [ -z "$manifest_main" ] || [ "$main" = "$manifest_main" ]; }; then
  ok gradle "mainClass $main${manifest_main:+, the Main-Class of the jar}"
else
  fail gradle "the JavaExec mainClass '$main' is not the CLI's Main-Class '$manifest_main'"
fi
# The task's args(...) as documented, with the build directory Gradle would give.
gradle_task_args() { # the quoted words of args(...), the build directory as Gradle would give it
  sed -n '/args("check"/,/)$/p' "$docs" | tr -d '\n' | sed -E 's/.*args[(](.*)[)]$/\1/; s/reports[.]get[(][)][.]asFile[.]path/"build\/ddl-lint"/' \
    | grep -o '"[^"]*"' | tr -d '"' | tr '\n' ' '
}
gradle_args=$(gradle_task_args)
if [ -z "$gradle_args" ]; then fail gradle 'no args("check", ...) in docs/ci.md'; else
  # shellcheck disable=SC2086
  (cd "$p" && java -cp ddl-lint-cli.jar "$main" $gradle_args > "$out/gradle/stdout" 2> "$out/gradle/stderr")
  expect_exit gradle 1 $? "java -cp ddl-lint-cli.jar $main $gradle_args"
  expect_file gradle "$p/build/ddl-lint/ddl-lint.sarif"
  expect_file gradle "$p/build/ddl-lint/ddl-lint.html"
fi

# ---- pre-commit: the hook's entry in a repository where one migration changed since HEAD
p=$(project pre-commit)
(
  cd "$p" && git init -q . && git config user.email ci@example.com && git config user.name ci \
    && mkdir -p staged && mv src/main/resources/db/migration/V3__widen_amount.sql staged/ \
    && git add src && git commit -q -m "migrations V1, V2, V4, V5" \
    && mv staged/V3__widen_amount.sql src/main/resources/db/migration/ && git add src
) || fail pre-commit "could not set up the git repository"
entry=$(sed -n 's/^ *entry: *//p' .pre-commit-hooks.yaml)
(cd "$p" && DDL_LINT_JAR="$jar" bash "$root/$entry" --target mysql:8.0.35 > "$out/pre-commit/stdout" 2> "$out/pre-commit/stderr")
expect_exit pre-commit 1 $? "$entry --target mysql:8.0.35 (V3 staged)"
expect_grep pre-commit 'V3__widen_amount.sql:4:1: error\[column-type-change\]' "$out/pre-commit/stdout" "the staged migration's finding"
if grep -q 'V4__reporting.sql' "$out/pre-commit/stdout"; then fail pre-commit "V4 (unchanged since HEAD) was reported"; else ok pre-commit "unchanged migrations not reported"; fi
(cd "$p" && git commit -q -m V3 && DDL_LINT_JAR="$jar" bash "$root/$entry" --target mysql:8.0.35 > "$out/pre-commit/stdout-clean" 2>&1)
expect_exit pre-commit 0 $? "$entry with nothing changed"

echo "check-recipes: $failures failure(s); reports under $out"
[ "$failures" -eq 0 ]
