#!/usr/bin/env bash
# The test command: every module's unit tests, then the integration stage (*IT classes, run by failsafe
# in `verify`: the demo end to end, the kill -9 ingestion test, Trino with its access rules, Superset
# dashboards checked in headless Chromium, and ClusterIT: the accounting on a Spark standalone master and
# worker on loopback, compared with the demo's local rows). The integration stage builds the cluster jar
# (-Pcluster-jar: the CLI shaded with Spark provided, and Spark's jars as the loopback cluster's SPARK_HOME;
# docs/operations.md); the unit stage does not. Installs what the integration
# stage needs when absent (Chromium and a CJK font from Debian's packages, Superset from PyPI into a
# cached virtualenv; Trino is fetched through Maven by the tests themselves). Downloads are cached
# (~/.m2, ~/.cache/liangshan), so a second run is fast.
#
# The installs run in the background while the unit stage runs (they are network- and disk-bound; the
# unit stage is CPU-bound), and the integration stage starts when both are done. Their log is
# target/integration-installs.log. Arguments are passed to both Maven runs (e.g. -o, -Dit.test=DemoIT).
set -euo pipefail
cd "$(dirname "$0")"
export SPARK_LOCAL_IP=127.0.0.1
mkdir -p target
installs_log=target/integration-installs.log
( bash dashboards/superset/install-chromium.sh && bash dashboards/superset/superset.sh install ) \
  >"$installs_log" 2>&1 &
installs=$!
trap 'kill "$installs" 2>/dev/null || true' EXIT

echo "test.sh: unit stage (installing Chromium and Superset in the background: $installs_log)"
# -T 2: modules that do not depend on each other (pipelines beside market, then geo-jobs; generator and
# dashboards beside any) test side by side; their Spark tests are latency-bound, so two at once use two
# cores better than one after another. finance-models waits for geo-jobs and market (it reads their gold).
mvn -B --no-transfer-progress -T 2 verify -DskipITs "$@"

echo "test.sh: waiting for the integration stage's installs"
if ! wait "$installs"; then
  cat "$installs_log" >&2
  echo "test.sh: installing Chromium or Superset failed (log above)" >&2
  exit 1
fi
trap - EXIT
cat "$installs_log"

echo "test.sh: integration stage"
exec mvn -B --no-transfer-progress verify -Pcluster-jar -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false "$@"
