#!/usr/bin/env bash
# The test command: every module's unit tests, then the integration stage (*IT classes, run by failsafe
# in `verify`: the demo end to end, the kill -9 ingestion test, Trino with its access rules, Superset
# dashboards checked in headless Chromium). Installs what the integration stage needs when absent
# (Chromium and a CJK font from Debian's packages, Superset from PyPI into a cached virtualenv; Trino
# is fetched through Maven by the tests themselves). Downloads are cached (~/.m2, ~/.cache/liangshan),
# so a second run is fast.
set -euo pipefail
cd "$(dirname "$0")"
export SPARK_LOCAL_IP=127.0.0.1
bash dashboards/superset/install-chromium.sh
bash dashboards/superset/superset.sh install
exec mvn -B --no-transfer-progress verify "$@"
