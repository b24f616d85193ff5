#!/usr/bin/env bash
# The pull-request comment of action.yml: one comment per pull request, found again by its first line (a hidden
# marker) and updated in place, cut to DDL_LINT_COMMENT_MAX_CHARS. Uses the gh CLI of GitHub's runners. A comment
# that cannot be written (a fork's read-only token) is a warning, not a failure.
set -uo pipefail

marker='<!-- ddl-lint:pull-request-comment -->'
max=${DDL_LINT_COMMENT_MAX_CHARS:-60000}
repo=${DDL_LINT_REPOSITORY:?DDL_LINT_REPOSITORY (owner/name) is not set}
pr=${DDL_LINT_PR:-}
if [ -z "$pr" ]; then
  echo "ddl-lint: not a pull request, no comment"
  exit 0
fi
body="$marker"$'\n'"$(cat "${DDL_LINT_MARKDOWN:?DDL_LINT_MARKDOWN is not set}")"
if [ "${#body}" -gt "$max" ]; then
  note=$'\n\n'"… cut at $max characters: the job summary and the reports have everything."
  body="${body:0:$((max - ${#note}))}$note"
fi

id=$(gh api --paginate "repos/$repo/issues/$pr/comments" \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -1)
if [ -n "$id" ]; then
  gh api -X PATCH "repos/$repo/issues/comments/$id" -f body="$body" > /dev/null \
    && echo "ddl-lint: updated the pull-request comment $id" \
    || echo "::warning title=ddl-lint::could not update the pull-request comment (needs pull-requests: write)"
else
  gh api -X POST "repos/$repo/issues/$pr/comments" -f body="$body" > /dev/null \
    && echo "ddl-lint: commented on pull request #$pr" \
    || echo "::warning title=ddl-lint::could not comment on the pull request (needs pull-requests: write)"
fi
exit 0
