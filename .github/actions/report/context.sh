# shellcheck shell=bash
# What a run is about and where it was made, sourced by report.sh: the commit, branch, tag, parent
# and pull (merge) request as the CI tells them (GitHub Actions, GitLab CI, Buildkite, else git
# alone), the CI's address and an idempotency key from its ids, the toolchain and the runner.

NO_COMMIT=0000000000000000000000000000000000000000

event_json() { if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then cat "$GITHUB_EVENT_PATH"; else echo '{}'; fi; }

# Each CI's view, as the lines commit, branch, tag, parent, pull request, base branch (any may be
# empty; git fills in the commit, branch and parent).
github_refs() {
  local event name commit branch="" tag="" parent="" pr="" base=""
  event=$(event_json)
  name="${GITHUB_EVENT_NAME:-push}"
  commit="${GITHUB_SHA:-}"
  case "$name" in
    pull_request|pull_request_target)
      # The pull request's own head commit, not GitHub's temporary merge commit.
      commit=$(jq -r '.pull_request.head.sha' <<<"$event")
      # A fork's branch is named after its owner, so that a fork's "main" is never this repository's.
      branch=$(jq -r '(.pull_request.head.repo.full_name // "") as $h | (.pull_request.base.repo.full_name // "") as $b
        | if $h != "" and $b != "" and $h != $b then ($h | split("/")[0]) + "/" + .pull_request.head.ref
          else .pull_request.head.ref end' <<<"$event")
      base=$(jq -r '.pull_request.base.ref' <<<"$event")
      parent=$(jq -r '.pull_request.base.sha // empty' <<<"$event")
      pr=$(jq -r '.pull_request.number' <<<"$event")
      ;;
    workflow_run)
      commit=$(jq -r '.workflow_run.head_sha' <<<"$event")
      branch=$(jq -r '(.workflow_run.head_repository.full_name // "") as $h | (.repository.full_name // "") as $b
        | if $h != "" and $b != "" and $h != $b then ($h | split("/")[0]) + "/" + .workflow_run.head_branch
          else .workflow_run.head_branch end' <<<"$event")
      pr=$(jq -r '.workflow_run.pull_requests[0].number // empty' <<<"$event")
      ;;
    *)
      case "${GITHUB_REF:-}" in
        refs/tags/*)
          tag="${GITHUB_REF#refs/tags/}"
          branch=$(jq -r '.repository.default_branch // empty' <<<"$event")
          ;;
        refs/heads/*) branch="${GITHUB_REF#refs/heads/}" ;;
      esac
      parent=$(jq -r '.before // empty' <<<"$event")
      ;;
  esac
  printf '%s\n' "$commit" "$branch" "$tag" "$parent" "$pr" "$base"
}

gitlab_refs() {
  local commit="${CI_COMMIT_SHA:-}" branch="" tag="${CI_COMMIT_TAG:-}" parent="" pr="" base=""
  if [ -n "${CI_MERGE_REQUEST_IID:-}" ]; then
    # A merged-results pipeline builds a merge commit; the request's own head is the source SHA.
    commit="${CI_MERGE_REQUEST_SOURCE_BRANCH_SHA:-$commit}"
    branch="${CI_MERGE_REQUEST_SOURCE_BRANCH_NAME:-}"
    # A fork's branch is named after its namespace, as on GitHub.
    local source="${CI_MERGE_REQUEST_SOURCE_PROJECT_PATH:-}" target="${CI_MERGE_REQUEST_PROJECT_PATH:-}"
    if [ -n "$source" ] && [ -n "$target" ] && [ "$source" != "$target" ] && [ -n "$branch" ]; then
      branch="${source%/*}/$branch"
    fi
    pr="$CI_MERGE_REQUEST_IID"
    base="${CI_MERGE_REQUEST_TARGET_BRANCH_NAME:-}"
    parent="${CI_MERGE_REQUEST_DIFF_BASE_SHA:-}"
  elif [ -n "$tag" ]; then
    branch="${CI_DEFAULT_BRANCH:-}"
  else
    branch="${CI_COMMIT_BRANCH:-${CI_COMMIT_REF_NAME:-}}"
    parent="${CI_COMMIT_BEFORE_SHA:-}"
  fi
  printf '%s\n' "$commit" "$branch" "$tag" "$parent" "$pr" "$base"
}

buildkite_refs() {
  local commit="${BUILDKITE_COMMIT:-}" branch="${BUILDKITE_BRANCH:-}" tag="${BUILDKITE_TAG:-}" pr="" base=""
  # Buildkite may say HEAD when a build was started without a commit: git knows which it is.
  [[ "$commit" =~ ^[0-9a-fA-F]{40}([0-9a-fA-F]{24})?$ ]] || commit=""
  [ -z "$tag" ] || branch="${BUILDKITE_PIPELINE_DEFAULT_BRANCH:-}"
  # A fork's branch is "owner:branch", which is no git ref name.
  branch="${branch/://}"
  if [ -n "${BUILDKITE_PULL_REQUEST:-}" ] && [ "$BUILDKITE_PULL_REQUEST" != false ]; then
    pr="$BUILDKITE_PULL_REQUEST"
    base="${BUILDKITE_PULL_REQUEST_BASE_BRANCH:-}"
  fi
  printf '%s\n' "$commit" "$branch" "$tag" "" "$pr" "$base"
}

# The commit, branch, tag, parent and pull request this build is about, with the commit's time,
# subject and author from git.
git_context() {
  local refs commit="" branch="" tag="" parent="" pr="" base=""
  case "$RT_CI" in
    github) refs=$(github_refs) ;;
    gitlab) refs=$(gitlab_refs) ;;
    buildkite) refs=$(buildkite_refs) ;;
    *) refs="" ;;
  esac
  { IFS= read -r commit; IFS= read -r branch; IFS= read -r tag; IFS= read -r parent; IFS= read -r pr; IFS= read -r base; } <<<"$refs" || true
  [ -n "$commit" ] || commit=$(git rev-parse HEAD 2>/dev/null) || die "no commit: not in a git repository, and the CI did not say"
  branch="${REGTRACK_BRANCH:-$branch}"
  [ -n "$branch" ] || branch=$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)
  [ "$branch" != "HEAD" ] || branch=main
  if [ -z "$parent" ] || [ "$parent" = "$NO_COMMIT" ]; then
    parent=$(git rev-parse --verify -q "$commit^" 2>/dev/null || true)
  fi
  local at message author
  at=$(git log -1 --format=%cI "$commit" 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
  message=$(git log -1 --format=%s "$commit" 2>/dev/null || true)
  author=$(git log -1 --format=%an "$commit" 2>/dev/null || true)
  jq -n --arg commit "$commit" --arg branch "$branch" --arg tag "$tag" --arg parent "$parent" \
    --arg pr "$pr" --arg base "$base" --arg at "$at" --arg message "$message" --arg author "$author" "$JQ_OPT"'
      {commit: $commit, branch: $branch, committedAt: $at, message: $message, author: $author}
      + opt("tag"; $tag) + opt("parentCommit"; $parent)
      + opt("pullRequest"; if $pr == "" then "" else ($pr | tonumber) end) + opt("baseBranch"; $base)'
}

# The CI's page of this job and an idempotency key from its ids: a retried upload is a replay, a
# retried job (a new id or attempt) a new run. A laptop's key holds for this invocation only.
ci_context() {
  local profile="${REGTRACK_PROFILE:-release}" url="" key
  case "$RT_CI" in
    github)
      url="${GITHUB_SERVER_URL:-https://github.com}/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}"
      key="gh-${GITHUB_RUN_ID:-local}-${GITHUB_RUN_ATTEMPT:-1}-${GITHUB_JOB:-job}-$profile-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}" ;;
    gitlab)
      [ -n "${CI_JOB_ID:-}" ] || die "GITLAB_CI is set but CI_JOB_ID is not"
      url="${CI_PIPELINE_URL:-}"
      key="gl-$CI_JOB_ID-$profile" ;;
    buildkite)
      [ -n "${BUILDKITE_JOB_ID:-}" ] || die "BUILDKITE is set but BUILDKITE_JOB_ID is not"
      url="${BUILDKITE_BUILD_URL:-}"
      key="bk-$BUILDKITE_JOB_ID-$profile" ;;
    *)
      key="local-$(hostname 2>/dev/null || echo host)-$(date +%s)-$$-$profile" ;;
  esac
  jq -n --arg url "${REGTRACK_CI_URL:-$url}" --arg key "${REGTRACK_IDEMPOTENCY_KEY:-$key}" "$JQ_OPT"'
    opt("ciUrl"; $url) + {idempotencyKey: $key}'
}

toolchain() {
  local version="" host=""
  if command -v rustc >/dev/null 2>&1; then
    version=$(rustc -vV | sed -n 's/^release: //p')
    host=$(rustc -vV | sed -n 's/^host: //p')
  fi
  jq -n --arg rustc "$version" --arg target "${CARGO_BUILD_TARGET:-$host}" "$JQ_OPT"'
    {toolchain: (opt("rustc"; $rustc) + opt("target"; $target))}'
}

# The runner's OS: GitHub's image name, else the distribution (debian-12), else the kernel's name.
runner_os() {
  if [ "$RT_CI" = github ] && [ -n "${ImageOS:-${RUNNER_OS:-}}" ]; then
    printf '%s\n' "${ImageOS:-$RUNNER_OS}"
  elif [ -r /etc/os-release ]; then
    # shellcheck disable=SC1091 # the runner's own file
    (. /etc/os-release && printf '%s\n' "${ID:-$(uname -s)}${VERSION_ID:+-$VERSION_ID}")
  elif [ "$(uname -s)" = Darwin ] && command -v sw_vers >/dev/null 2>&1; then
    printf 'macos-%s\n' "$(sw_vers -productVersion)"
  else
    uname -s
  fi
}

runner() {
  local cpu="" arch="${RUNNER_ARCH:-}"
  [ "$RT_CI" = github ] && [ -n "$arch" ] || arch=$(uname -m)
  if [ -r /proc/cpuinfo ]; then
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  elif command -v sysctl >/dev/null 2>&1; then
    cpu=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || true)
  fi
  jq -n --arg os "$(runner_os)" --arg arch "$arch" --arg cpu "$cpu" "$JQ_OPT"'
    {runner: ({os: $os, arch: $arch} + opt("cpu"; $cpu))}'
}
