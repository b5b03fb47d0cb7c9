#!/usr/bin/env bash
# Replays the public histories in src/test/resources/eval through the packaged service's API, as CI
# would post them, and scores its alerts: precision, recall, F1, false alarms per 1,000 commits and
# detection delay per data set. The table is printed and written to target/detection.md.
#
#   bench/detection.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q failsafe:integration-test failsafe:verify -Dit.test=DetectionEvaluation
cat target/detection.md
