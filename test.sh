#!/usr/bin/env bash
# The test command: every module's unit tests, then the integration stage (*IT classes, run by failsafe
# in `verify`). Downloads are cached in ~/.m2, so a second run is fast.
set -euo pipefail
cd "$(dirname "$0")"
export SPARK_LOCAL_IP=127.0.0.1
exec mvn -B --no-transfer-progress verify "$@"
