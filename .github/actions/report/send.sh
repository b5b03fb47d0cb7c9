# shellcheck shell=bash
# Sending a run, sourced by report.sh: posts the payload, reports the comparison (job summary and
# pull-request comment on GitHub, the Markdown on stdout elsewhere) and decides the step's status.

POSTED=""

# POST with timeouts; retries with exponential back-off on connection errors, 429 and 5xx (the
# idempotency key makes a retry safe). A 4xx other than 429 is final. Sets POSTED to the status.
post_run() {
  local url="${REGTRACK_SERVER_URL%/}/api/v1/projects/${REGTRACK_PROJECT}/runs" attempt=1 delay=1 code
  local attempts="${REGTRACK_ATTEMPTS:-5}"
  while :; do
    code=$(curl -sS -o "$RT_COMPARISON" -w '%{http_code}' --connect-timeout 10 --max-time 120 \
      -H "Authorization: Bearer ${REGTRACK_TOKEN}" -H 'Content-Type: application/json' \
      -H 'Accept: application/json' --data-binary "@$RT_PAYLOAD" "$url" 2>"$RT_WORK/curl.err") || code=000
    case "$code" in
      200|201) POSTED="$code"; return 0 ;;
      000|429|5??)
        if [ "$attempt" -ge "$attempts" ]; then
          die "could not post the run after $attempt attempts (last: HTTP $code $(head -c 300 "$RT_WORK/curl.err" "$RT_COMPARISON" 2>/dev/null | tr '\n' ' '))"
        fi
        say "attempt $attempt failed (HTTP $code); retrying in ${delay}s"
        sleep "$delay"; attempt=$((attempt + 1)); delay=$((delay * 2)) ;;
      *)
        die "the server refused the run: HTTP $code $(jq -r '[.detail // empty] + [(.violations // [])[] | "\(.field): \(.message)"] | join("; ")' "$RT_COMPARISON" 2>/dev/null || head -c 300 "$RT_COMPARISON")" ;;
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
  jq -n --arg body "$(printf '%s\n\n%s\n' "$marker" "$(jq -r .markdown "$RT_COMPARISON")")" '{body: $body}' > "$RT_WORK/comment.json"
  while [ -z "$id" ]; do
    batch=$(github_api GET "/repos/$repo/issues/$pr/comments?per_page=100&page=$page") || { say "cannot list comments"; return 0; }
    id=$(jq -r --arg m "$marker" 'if type == "array" then (map(select(.body | contains($m))) | .[0].id // empty) else empty end' <<<"$batch")
    [ "$(jq 'if type == "array" then length else 0 end' <<<"$batch")" -eq 100 ] || break
    page=$((page + 1))
  done
  if [ -n "$id" ]; then
    github_api PATCH "/repos/$repo/issues/comments/$id" "$RT_WORK/comment.json" >/dev/null && say "updated comment $id on #$pr"
  else
    github_api POST "/repos/$repo/issues/$pr/comments" "$RT_WORK/comment.json" >/dev/null && say "commented on #$pr"
  fi
}

send() {
  [ -f "$RT_PAYLOAD" ] || die "no run payload at $RT_PAYLOAD"
  [ -n "${REGTRACK_SERVER_URL:-}" ] || die "server-url (REGTRACK_SERVER_URL) is required"
  [ -n "${REGTRACK_PROJECT:-}" ] || die "project (REGTRACK_PROJECT) is required"
  if [ -z "${REGTRACK_TOKEN:-}" ]; then
    REGTRACK_TOKEN=$(oidc_token) || die "token (REGTRACK_TOKEN) is required, or 'permissions: id-token: write' on GitHub for a tokenless upload (for pull requests from forks, see the two-workflow example)"
    say "no token given: uploading with this job's GitHub OIDC identity"
  fi
  local status url pr
  post_run
  [ "$POSTED" != 200 ] || say "the server already had this run (idempotency key $(jq -r .idempotencyKey "$RT_PAYLOAD")): its stored comparison follows"
  status=$(jq -r .status "$RT_COMPARISON")
  url=$(jq -r .url "$RT_COMPARISON")
  output status "$status"
  output run-url "$url"
  output comparison-json "$RT_COMPARISON"
  if [ "$RT_CI" = github ]; then
    [ -z "${GITHUB_STEP_SUMMARY:-}" ] || jq -r .markdown "$RT_COMPARISON" >> "$GITHUB_STEP_SUMMARY"
    pr=$(jq -r '.pullRequest // empty' "$RT_PAYLOAD")
    if [ -n "$pr" ] && [ "${REGTRACK_COMMENT_ON_PR:-true}" = "true" ] && [ -n "${REGTRACK_GITHUB_TOKEN:-}" ]; then
      comment "$pr"
    fi
  else
    jq -r .markdown "$RT_COMPARISON"
  fi
  say "$status: $url"
  case "${REGTRACK_FAIL_ON:-regression}:$status" in
    regression:regressed|noisy:regressed|noisy:noisy)
      die "failing the job: the comparison is $status (fail-on: ${REGTRACK_FAIL_ON:-regression}); see $url" ;;
    never:*|regression:*|noisy:*) ;;
    *) die "fail-on must be regression, noisy or never, not ${REGTRACK_FAIL_ON}" ;;
  esac
}

# Without a token, a GitHub Actions job with `permissions: id-token: write` proves who it is with
# its own OIDC token, made for the server's public URL (oidc-audience, default server-url).
oidc_token() {
  [ "$RT_CI" = github ] && [ -n "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ] && [ -n "${ACTIONS_ID_TOKEN_REQUEST_TOKEN:-}" ] \
    || return 1
  local audience token
  audience=$(jq -rn --arg a "${REGTRACK_OIDC_AUDIENCE:-${REGTRACK_SERVER_URL%/}}" '$a | @uri')
  token=$(curl -sS --fail --connect-timeout 10 --max-time 30 \
    -H "Authorization: bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}" \
    "${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=${audience}" | jq -er .value) || return 1
  echo "::add-mask::$token" >&2
  printf '%s' "$token"
}

# A GitHub pull request from a fork gets no secrets (and no OIDC token): collect, say how to report
# it, and do not fail.
fork_without_token() {
  [ "$RT_CI" = github ] && [ -z "${REGTRACK_TOKEN:-}" ] && [ -z "${ACTIONS_ID_TOKEN_REQUEST_URL:-}" ] || return 1
  [ "$(event_json | jq -r '(.pull_request.head.repo.full_name // "") as $h
      | (.pull_request.base.repo.full_name // "") as $b | $h != "" and $b != "" and $h != $b')" = true ]
}
