#!/usr/bin/env bash
# regtrack report step: collects binary sizes, benchmark results, the build's time and the Cargo
# profile of this build, posts them as one run, and reports the comparison (job summary and
# pull-request comment on GitHub, Markdown on stdout elsewhere, exit status). Needs only bash,
# curl, jq and git (and binutils' size for sections), as GitHub's Ubuntu and macOS images ship them.
#
# Runs as the GitHub action (action.yml maps its inputs) or on its own in GitLab CI, Buildkite or a
# laptop, configured by environment variables alone:
#   REGTRACK_SERVER_URL, REGTRACK_TOKEN, REGTRACK_PROJECT   where to send, as whom (an ingest token)
#   REGTRACK_BINARIES        newline-separated globs of the binaries to measure
#   REGTRACK_RESULTS         newline-separated format:path-or-glob or format:name=path-or-glob
#   REGTRACK_HYPERFINE_JSON  newline-separated hyperfine --export-json files
#   REGTRACK_BUILD_COMMAND   a build to run and time (bash -c); REGTRACK_BUILD_SECONDS: timed elsewhere
#   REGTRACK_PROFILE         the Cargo profile (release); REGTRACK_MANIFEST_PATH (Cargo.toml)
#   REGTRACK_CARGO_BUILD_LOG the output of cargo build -v, for the flags rustc got
#   REGTRACK_FAIL_ON         regression (default), noisy or never
#   REGTRACK_MODE            all (default) collects and sends; collect only writes the run payload
#                            (pull requests from forks get no secrets); send posts one written earlier
#   REGTRACK_PAYLOAD         where collect writes the payload and send reads it
#   REGTRACK_BRANCH, REGTRACK_CI_URL, REGTRACK_IDEMPOTENCY_KEY   override what the CI tells
#   REGTRACK_COMMENT_ON_PR, REGTRACK_GITHUB_TOKEN   the pull-request comment (GitHub only)
# The CI is told by GITHUB_ACTIONS, GITLAB_CI or BUILDKITE; without them, git alone says what was built.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=lib.sh
. "$here/lib.sh"
# shellcheck source=context.sh
. "$here/context.sh"
# shellcheck source=collect.sh
. "$here/collect.sh"
# shellcheck source=send.sh
. "$here/send.sh"

for tool in curl jq git; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed on the runner"
done

case "${REGTRACK_MODE:-all}" in
  all)
    collect
    if fork_without_token; then
      warn "This pull request comes from a fork, which gets no secrets: the run was collected to $RT_PAYLOAD but not sent. Use the two-workflow pattern (examples/github/regtrack-fork-*.yml) to report it."
      exit 0
    fi
    send ;;
  collect) collect ;;
  send) send ;;
  *) die "mode must be all, collect or send, not $REGTRACK_MODE" ;;
esac
