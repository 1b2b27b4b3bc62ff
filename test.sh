#!/usr/bin/env bash
# The test command: every module's unit tests, then the integration stage (*IT classes, run by failsafe
# in `verify`: the demo end to end, the kill -9 ingestion test, Trino with its access rules, Superset
# dashboards checked in headless Chromium, and ClusterIT: the accounting on a Spark standalone master and
# worker on loopback, compared with the demo's local rows). The integration stage builds the cluster jar
# (-Pcluster-jar: the CLI shaded with Spark provided, and Spark's jars as the loopback cluster's SPARK_HOME;
# docs/operations.md); the unit stage does not. Installs what the integration
# stage needs when absent (Chromium and a CJK font from Debian's packages, Superset and moto's S3-compatible
# server from PyPI into cached virtualenvs; Trino and the S3A connector are fetched through Maven). Downloads are cached
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
( bash dashboards/superset/install-chromium.sh && bash dashboards/superset/superset.sh install \
    && bash tools/object-store.sh install ) \
  >"$installs_log" 2>&1 &
installs=$!
trap 'kill "$installs" 2>/dev/null || true' EXIT

echo "test.sh: unit stage (installing Chromium and Superset in the background: $installs_log)"
# A module's tests do not need another module's tests, but Maven runs them in dependency order, and the
# domain modules form a chain (pipelines -> market -> geo-jobs -> finance-models), so -T 2 would test them
# one after another. Instead every module is built and installed first (no tests), then two Maven runs
# test two groups of modules side by side (their Spark tests are latency-bound: two at once use two
# cores better than one after another). Each group's log goes to target/unit-<group>.log and is printed.
mvn -B --no-transfer-progress -T 2 install -DskipTests "$@"
unit_group() {
  local name=$1 modules=$2
  shift 2
  if mvn -B --no-transfer-progress verify -DskipITs -pl "$modules" "$@" >"target/unit-$name.log" 2>&1; then
    echo "test.sh: unit tests of $modules passed"
  else
    echo "test.sh: unit tests of $modules FAILED" >&2
    return 1
  fi
}
unit_group a core,generator,dashboards,warehouse,pipelines,market,bench "$@" &
group_a=$!
unit_status=0
unit_group b geo-jobs,finance-models,scheduler,cli "$@" || unit_status=1
wait "$group_a" || unit_status=1
cat target/unit-a.log target/unit-b.log
if [ "$unit_status" -ne 0 ]; then
  echo "test.sh: unit stage failed (logs above: target/unit-a.log, target/unit-b.log)" >&2
  exit 1
fi

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
