#!/usr/bin/env bash
# Installs Debian's chromium for the HTML report's screenshot test (HtmlReportScreenshotTest), when it is missing.
# Idempotent: does nothing when /usr/bin/chromium (or DDL_LINT_CHROMIUM) is there. Needs root and apt (as CI has);
# elsewhere it says what to do and leaves the test to skip (it fails under CI=true).
set -euo pipefail
if [ -n "${DDL_LINT_CHROMIUM:-}" ] && [ -x "$DDL_LINT_CHROMIUM" ] || [ -x /usr/bin/chromium ]; then
  echo "[ci] chromium: $("${DDL_LINT_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || echo present)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[ci] chromium is missing: install Debian's chromium package (apt-get install chromium) as root" >&2
  exit 1
fi
echo "[ci] installing chromium from Debian"
apt-get -qq update || true
DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "[ci] chromium: $(/usr/bin/chromium --version 2>/dev/null)"
