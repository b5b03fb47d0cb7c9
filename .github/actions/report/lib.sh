# shellcheck shell=bash
# Shared helpers of the regtrack report step, sourced by report.sh: messages, step outputs, which
# CI runs the step, input lines and file globs, the clock.
#
# Globals every part reads (upper case, so that each file can be checked on its own):
#   RT_CI          github, gitlab, buildkite or local
#   RT_WORK        a scratch directory for this step
#   RT_PAYLOAD     the run payload: written by collect, read by send
#   RT_COMPARISON  the server's answer

# Which CI runs the step; anything else is a laptop (git only).
detect_ci() {
  if [ "${GITHUB_ACTIONS:-}" = true ]; then echo github
  elif [ "${GITLAB_CI:-}" = true ]; then echo gitlab
  elif [ "${BUILDKITE:-}" = true ]; then echo buildkite
  else echo local
  fi
}

RT_CI=$(detect_ci)
RT_WORK="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/regtrack"
mkdir -p "$RT_WORK"
# shellcheck disable=SC2034 # read by collect.sh and send.sh
RT_PAYLOAD="${REGTRACK_PAYLOAD:-$RT_WORK/run.json}"
# shellcheck disable=SC2034 # read by send.sh
RT_COMPARISON="$RT_WORK/comparison.json"

say() { printf 'regtrack: %s\n' "$*" >&2; }

# Errors and warnings as annotations on GitHub, as plain lines elsewhere.
die() {
  if [ "$RT_CI" = github ]; then printf '::error title=regtrack::%s\n' "$*" >&2; else printf 'regtrack: error: %s\n' "$*" >&2; fi
  exit 1
}
warn() {
  if [ "$RT_CI" = github ]; then printf '::warning title=regtrack::%s\n' "$*" >&2; else printf 'regtrack: warning: %s\n' "$*" >&2; fi
}

# A step output (GitHub Actions only; elsewhere the log says it).
output() { [ -z "${GITHUB_OUTPUT:-}" ] || printf '%s=%s\n' "$1" "$2" >> "$GITHUB_OUTPUT"; }

trim() {
  local s="$1"
  s="${s#"${s%%[![:space:]]*}"}"
  printf '%s' "${s%"${s##*[![:space:]]}"}"
}

# The non-blank lines of a multi-line input, trimmed, one per line.
input_lines() {
  local line
  while IFS= read -r line || [ -n "$line" ]; do
    line=$(trim "$line")
    [ -z "$line" ] || printf '%s\n' "$line"
  done <<<"$1"
}

# The paths a glob matches, one per line (none when nothing matches). Spaces in names are kept;
# `**` reaches into subdirectories where the shell can (bash 4 and later).
glob() {
  shopt -s globstar 2>/dev/null || true
  compgen -G "$1" || true
}

# Seconds since the epoch, with a fraction where the shell or date can tell it.
now() {
  if [ -n "${EPOCHREALTIME:-}" ]; then
    printf '%s\n' "${EPOCHREALTIME/,/.}"
  else
    local t
    t=$(date +%s.%N)
    case "$t" in *N) date +%s ;; *) printf '%s\n' "$t" ;; esac
  fi
}

# A jq prelude: opt(key; value) is {key: value}, or {} when the value is empty.
# shellcheck disable=SC2016,SC2034 # jq's variables, not the shell's; read by the other parts
JQ_OPT='def opt($k; $v): if $v == "" or $v == null then {} else {($k): $v} end;'
