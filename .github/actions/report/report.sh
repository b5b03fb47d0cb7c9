#!/usr/bin/env bash
# regtrack report step: collects binary sizes, benchmark samples and the Cargo profile of this
# build, posts them as one run, and reports the comparison (job summary, pull-request comment,
# exit status). Needs only bash, curl, jq and git, as GitHub's Ubuntu and macOS images ship them.
#
# Modes (REGTRACK_MODE): "all" (default) collects and sends; "collect" only writes the run
# payload (for pull requests from forks, which get no secrets); "send" posts a payload written
# earlier (REGTRACK_PAYLOAD), e.g. from a workflow_run workflow.
set -euo pipefail

mode="${REGTRACK_MODE:-all}"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/regtrack"
mkdir -p "$work"
payload="${REGTRACK_PAYLOAD:-$work/run.json}"
comparison="$work/comparison.json"

say() { printf 'regtrack: %s\n' "$*" >&2; }
die() { printf '::error title=regtrack::%s\n' "$*" >&2; exit 1; }
output() { [ -n "${GITHUB_OUTPUT:-}" ] && printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; return 0; }

for tool in curl jq git; do
  command -v "$tool" >/dev/null 2>&1 || die "$tool is needed on the runner"
done

# --- collecting -------------------------------------------------------------------------------

event_json() { if [ -n "${GITHUB_EVENT_PATH:-}" ] && [ -f "$GITHUB_EVENT_PATH" ]; then cat "$GITHUB_EVENT_PATH"; else echo '{}'; fi; }

# The commit, branch, tag, parent and pull request this build is about.
git_context() {
  local event name commit branch="" tag="" parent="" pr="" base=""
  event=$(event_json)
  name="${GITHUB_EVENT_NAME:-push}"
  commit="${GITHUB_SHA:-$(git rev-parse HEAD)}"
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
  [ -n "$branch" ] || branch=$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo main)
  [ "$branch" != "HEAD" ] || branch=main
  if [ -z "$parent" ] || [ "$parent" = "0000000000000000000000000000000000000000" ]; then
    parent=$(git rev-parse --verify -q "$commit^" 2>/dev/null || true)
  fi
  local at message author
  at=$(git log -1 --format=%cI "$commit" 2>/dev/null || date -u +%Y-%m-%dT%H:%M:%SZ)
  message=$(git log -1 --format=%s "$commit" 2>/dev/null || true)
  author=$(git log -1 --format=%an "$commit" 2>/dev/null || true)
  jq -n --arg commit "$commit" --arg branch "$branch" --arg tag "$tag" --arg parent "$parent" \
    --arg pr "$pr" --arg base "$base" --arg at "$at" --arg message "$message" --arg author "$author" '{
      commit: $commit, branch: $branch, committedAt: $at, message: $message, author: $author }
      + (if $tag != "" then {tag: $tag} else {} end)
      + (if $parent != "" then {parentCommit: $parent} else {} end)
      + (if $pr != "" then {pullRequest: ($pr | tonumber)} else {} end)
      + (if $base != "" then {baseBranch: $base} else {} end)'
}

ci_context() {
  local server="${GITHUB_SERVER_URL:-https://github.com}" key
  key="gh-${GITHUB_RUN_ID:-local}-${GITHUB_RUN_ATTEMPT:-1}-${GITHUB_JOB:-job}-${REGTRACK_PROFILE:-release}-${RUNNER_OS:-os}-${RUNNER_ARCH:-arch}"
  jq -n --arg url "$server/${GITHUB_REPOSITORY:-}/actions/runs/${GITHUB_RUN_ID:-}" --arg key "$key" \
    '{ciUrl: $url, idempotencyKey: $key}'
}

toolchain() {
  local version="" host=""
  if command -v rustc >/dev/null 2>&1; then
    version=$(rustc -vV | sed -n 's/^release: //p')
    host=$(rustc -vV | sed -n 's/^host: //p')
  fi
  jq -n --arg rustc "$version" --arg target "${CARGO_BUILD_TARGET:-$host}" \
    '{toolchain: ({} + (if $rustc != "" then {rustc: $rustc} else {} end)
                     + (if $target != "" then {target: $target} else {} end))}'
}

runner() {
  local cpu=""
  if [ -r /proc/cpuinfo ]; then
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
  elif command -v sysctl >/dev/null 2>&1; then
    cpu=$(sysctl -n machdep.cpu.brand_string 2>/dev/null || true)
  fi
  jq -n --arg os "${ImageOS:-${RUNNER_OS:-$(uname -s)}}" --arg arch "${RUNNER_ARCH:-$(uname -m)}" --arg cpu "$cpu" \
    '{runner: ({os: $os, arch: $arch} + (if $cpu != "" then {cpu: $cpu} else {} end))}'
}

# The manifests, config files and environment Cargo resolves the profile from.
profile() {
  local manifest="${REGTRACK_MANIFEST_PATH:-Cargo.toml}" dir root="" configs="[]" env log=""
  [ -f "$manifest" ] || die "no Cargo manifest at $manifest (set manifest-path)"
  dir=$(cd "$(dirname "$manifest")" && pwd)
  # The workspace root: the nearest manifest above with a [workspace] table.
  local up="$dir"
  while [ "$up" != "/" ]; do
    if [ -f "$up/Cargo.toml" ] && grep -q '^\[workspace\]' "$up/Cargo.toml"; then root="$up/Cargo.toml"; break; fi
    up=$(dirname "$up")
  done
  [ "$root" != "$dir/Cargo.toml" ] || root=""
  # .cargo/config.toml files, nearest directory first, then Cargo's home.
  up="$dir"
  local files=()
  while :; do
    for name in config.toml config; do
      if [ -f "$up/.cargo/$name" ]; then files+=("$up/.cargo/$name"); break; fi
    done
    [ "$up" != "/" ] || break
    up=$(dirname "$up")
  done
  for name in config.toml config; do
    if [ -f "${CARGO_HOME:-$HOME/.cargo}/$name" ]; then files+=("${CARGO_HOME:-$HOME/.cargo}/$name"); break; fi
  done
  if [ "${#files[@]}" -gt 0 ]; then
    configs=$(for f in "${files[@]}"; do jq -Rs . < "$f"; done | jq -s '.')
  fi
  env=$( { env | grep -E '^(CARGO_PROFILE_[A-Z0-9_]+|CARGO_INCREMENTAL|RUSTFLAGS)=' || true; } | jq -Rn \
    '[inputs | capture("^(?<k>[^=]+)=(?<v>.*)$") | {(.k): .v}] | add // {}')
  if [ -n "${REGTRACK_CARGO_BUILD_LOG:-}" ]; then
    [ -f "$REGTRACK_CARGO_BUILD_LOG" ] || die "cargo-build-log $REGTRACK_CARGO_BUILD_LOG does not exist"
    log=$(grep -E 'Running `.*rustc .*--crate-type bin' "$REGTRACK_CARGO_BUILD_LOG" || true)
  fi
  jq -n --arg name "${REGTRACK_PROFILE:-release}" --rawfile manifest "$manifest" \
    --arg root "$root" --argjson configs "$configs" --argjson env "$env" --arg log "$log" '{profile: (
      {name: $name, manifest: $manifest, cargoConfig: $configs, env: $env}
      + (if $root != "" then {workspaceManifest: $root} else {} end)
      + (if $log != "" then {rustcInvocation: $log} else {} end))}' |
    if [ -n "$root" ]; then jq --rawfile w "$root" '.profile.workspaceManifest = $w'; else cat; fi
}

file_size() { wc -c < "$1" | tr -d ' '; }

# Each binary's size, and its size after strip where strip exists.
sizes() {
  local found=0 pattern file
  while IFS= read -r pattern; do
    pattern="${pattern#"${pattern%%[![:space:]]*}"}"; pattern="${pattern%"${pattern##*[![:space:]]}"}"
    [ -n "$pattern" ] || continue
    for file in $pattern; do
      [ -f "$file" ] || continue
      found=1
      local size stripped=""
      size=$(file_size "$file")
      if command -v strip >/dev/null 2>&1; then
        cp "$file" "$work/stripped" && strip "$work/stripped" 2>/dev/null && stripped=$(file_size "$work/stripped")
        rm -f "$work/stripped"
      fi
      jq -n --arg name "$(basename "$file")" --argjson size "$size" --arg stripped "$stripped" \
        '{kind: "size", name: $name, unit: "bytes", value: $size}
         + (if $stripped != "" then {parts: {stripped: ($stripped | tonumber)}} else {} end)'
    done
  done <<<"${REGTRACK_BINARIES:-}"
  [ "$found" = 1 ] || [ -z "${REGTRACK_BINARIES:-}" ] || die "no binary matched: ${REGTRACK_BINARIES}"
}

# hyperfine --export-json: one runtime measurement per command, with every sample.
runtimes() {
  local file
  while IFS= read -r file; do
    [ -n "$file" ] || continue
    [ -f "$file" ] || die "hyperfine-json $file does not exist"
    jq -c '.results[] | {kind: "runtime", name: .command, unit: "seconds", samples: .times}' "$file"
  done <<<"${REGTRACK_HYPERFINE_JSON:-}"
}

collect() {
  local measurements
  sizes > "$work/part-sizes.jsonl"
  runtimes > "$work/part-runtimes.jsonl"
  measurements=$(cat "$work/part-sizes.jsonl" "$work/part-runtimes.jsonl" | jq -s '.')
  [ "$(jq length <<<"$measurements")" -gt 0 ] || die "nothing to report: give binaries or hyperfine-json"
  # Each part in its own file, so that a failing part fails the step.
  git_context > "$work/part-git.json"
  ci_context > "$work/part-ci.json"
  toolchain > "$work/part-toolchain.json"
  runner > "$work/part-runner.json"
  profile > "$work/part-profile.json"
  jq -n --argjson m "$measurements" '{measurements: $m}' > "$work/part-measurements.json"
  jq -s 'add' "$work"/part-git.json "$work"/part-ci.json "$work"/part-toolchain.json "$work"/part-runner.json \
    "$work"/part-profile.json "$work"/part-measurements.json > "$payload"
  say "collected $(jq '.measurements | length' "$payload") measurements for $(jq -r .commit "$payload")"
  output payload "$payload"
}

# --- sending ----------------------------------------------------------------------------------

# POST with timeouts; retries with exponential back-off on connection errors, 429 and 5xx (the
# idempotency key makes a retry safe). A 4xx other than 429 is final.
post_run() {
  local url="${REGTRACK_SERVER_URL%/}/api/v1/projects/${REGTRACK_PROJECT}/runs" attempt=1 delay=1 code
  local attempts="${REGTRACK_ATTEMPTS:-5}"
  while :; do
    code=$(curl -sS -o "$comparison" -w '%{http_code}' --connect-timeout 10 --max-time 120 \
      -H "Authorization: Bearer ${REGTRACK_TOKEN}" -H 'Content-Type: application/json' \
      -H 'Accept: application/json' --data-binary "@$payload" "$url" 2>"$work/curl.err") || code=000
    case "$code" in
      200|201) return 0 ;;
      000|429|5??)
        if [ "$attempt" -ge "$attempts" ]; then
          die "could not post the run after $attempt attempts (last: HTTP $code $(head -c 300 "$work/curl.err" "$comparison" 2>/dev/null | tr '\n' ' '))"
        fi
        say "attempt $attempt failed (HTTP $code); retrying in ${delay}s"
        sleep "$delay"; attempt=$((attempt + 1)); delay=$((delay * 2)) ;;
      *)
        die "the server refused the run: HTTP $code $(jq -r '[.detail // empty] + [(.violations // [])[] | "\(.field): \(.message)"] | join("; ")' "$comparison" 2>/dev/null || head -c 300 "$comparison")" ;;
    esac
  done
}

github_api() { # method path [body-file]
  local method="$1" path="$2" body="${3:-}"
  local args=(-sS --connect-timeout 10 --max-time 60 -X "$method" -H "Authorization: Bearer ${REGTRACK_GITHUB_TOKEN}"
    -H 'Accept: application/vnd.github+json' -H 'X-GitHub-Api-Version: 2022-11-28')
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data-binary "@$body")
  curl "${args[@]}" "${GITHUB_API_URL:-https://api.github.com}$path"
}

# One comment per pull request, project and profile: created once, then updated in place.
comment() {
  local pr="$1" marker="<!-- regtrack:report project=${REGTRACK_PROJECT} profile=${REGTRACK_PROFILE:-release} -->"
  local repo="${GITHUB_REPOSITORY:?}" page=1 id="" batch
  jq -n --arg body "$(printf '%s\n\n%s\n' "$marker" "$(jq -r .markdown "$comparison")")" '{body: $body}' > "$work/comment.json"
  while [ -z "$id" ]; do
    batch=$(github_api GET "/repos/$repo/issues/$pr/comments?per_page=100&page=$page") || { say "cannot list comments"; return 0; }
    id=$(jq -r --arg m "$marker" 'if type == "array" then (map(select(.body | contains($m))) | .[0].id // empty) else empty end' <<<"$batch")
    [ "$(jq 'if type == "array" then length else 0 end' <<<"$batch")" -eq 100 ] || break
    page=$((page + 1))
  done
  if [ -n "$id" ]; then
    github_api PATCH "/repos/$repo/issues/comments/$id" "$work/comment.json" >/dev/null && say "updated comment $id on #$pr"
  else
    github_api POST "/repos/$repo/issues/$pr/comments" "$work/comment.json" >/dev/null && say "commented on #$pr"
  fi
}

send() {
  [ -f "$payload" ] || die "no run payload at $payload"
  [ -n "${REGTRACK_SERVER_URL:-}" ] || die "server-url is required"
  [ -n "${REGTRACK_PROJECT:-}" ] || die "project is required"
  [ -n "${REGTRACK_TOKEN:-}" ] || die "token is required (for pull requests from forks, see the two-workflow example)"
  post_run
  local status url pr
  status=$(jq -r .status "$comparison")
  url=$(jq -r .url "$comparison")
  output status "$status"
  output run-url "$url"
  output comparison-json "$comparison"
  [ -z "${GITHUB_STEP_SUMMARY:-}" ] || jq -r .markdown "$comparison" >> "$GITHUB_STEP_SUMMARY"
  pr=$(jq -r '.pullRequest // empty' "$payload")
  if [ -n "$pr" ] && [ "${REGTRACK_COMMENT_ON_PR:-true}" = "true" ] && [ -n "${REGTRACK_GITHUB_TOKEN:-}" ]; then
    comment "$pr"
  fi
  say "$status: $url"
  case "${REGTRACK_FAIL_ON:-regression}:$status" in
    regression:regressed|noisy:regressed|noisy:noisy)
      die "failing the job: the comparison is $status (fail-on: ${REGTRACK_FAIL_ON:-regression}); see $url" ;;
    never:*|regression:*|noisy:*) ;;
    *) die "fail-on must be regression, noisy or never, not ${REGTRACK_FAIL_ON}" ;;
  esac
}

# A pull request from a fork gets no secrets: collect, say how to report it, and do not fail.
fork_without_token() {
  [ -z "${REGTRACK_TOKEN:-}" ] || return 1
  [ "$(event_json | jq -r '(.pull_request.head.repo.full_name // "") as $h
      | (.pull_request.base.repo.full_name // "") as $b | $h != "" and $b != "" and $h != $b')" = true ]
}

case "$mode" in
  all)
    collect
    if fork_without_token; then
      printf '::warning title=regtrack::%s\n' "This pull request comes from a fork, which gets no secrets: the run was collected to $payload but not sent. Use the two-workflow pattern (examples/github/regtrack-fork-*.yml) to report it." >&2
      exit 0
    fi
    send ;;
  collect) collect ;;
  send) send ;;
  *) die "mode must be all, collect or send, not $mode" ;;
esac
