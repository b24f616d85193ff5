#!/usr/bin/env bash
# Installs Debian's percona-toolkit for the pt-online-schema-change tests (dev.ddllint.osc, the Flyway callback's
# "-- ddl-lint:run-with pt-online-schema-change", the CLI's `ddl-lint pt-osc`), when it is missing.
# Idempotent: does nothing when pt-online-schema-change (or DDL_LINT_PT_OSC) is there. Needs root and apt (as CI
# has); elsewhere it says what to do and leaves the tests to skip (they fail under CI=true).
# Debian 12's package is percona-toolkit 3.2.1 with DBD::mysql 4.050 over libmariadb: it logs in to MySQL 9.7 with
# caching_sha2_password over TCP (h=127.0.0.1), the password read from an option file (F=), no
# mysql_native_password needed (MySQL 9 no longer has it).
set -euo pipefail
if [ -n "${DDL_LINT_PT_OSC:-}" ] && [ -x "$DDL_LINT_PT_OSC" ] || command -v pt-online-schema-change >/dev/null 2>&1; then
  echo "[ci] $("${DDL_LINT_PT_OSC:-pt-online-schema-change}" --version 2>/dev/null || echo pt-online-schema-change present)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "[ci] pt-online-schema-change is missing: install Debian's percona-toolkit package (apt-get install percona-toolkit) as root" >&2
  exit 1
fi
echo "[ci] installing percona-toolkit from Debian"
apt-get -qq update || true
DEBIAN_FRONTEND=noninteractive apt-get -qq install -y --no-install-recommends percona-toolkit libdbd-mysql-perl >/dev/null
echo "[ci] $(pt-online-schema-change --version 2>/dev/null)"
