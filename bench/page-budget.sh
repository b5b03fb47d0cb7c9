#!/usr/bin/env bash
# Loads a hyper-sized project (27 real benchmarks × 440 commits, with commit messages) into the
# packaged service and measures its project page in headless Chromium, cold and warm: time until
# the visible charts are drawn, bytes transferred, requests, elements, main-thread blocking; then a
# series page of 100,000 runs: charts drawn, blocking, a zoom to full detail. Written to
# target/page-budget.md and target/page-budget-long.md.
#
#   bench/page-budget.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -DskipTests
./mvnw -B -q failsafe:integration-test failsafe:verify -Dit.test=PageBudgetEvaluation
cat target/page-budget.md target/page-budget-long.md
