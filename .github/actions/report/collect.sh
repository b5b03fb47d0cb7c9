# shellcheck shell=bash
# Collecting a run, sourced by report.sh: runs and times the build when asked, measures the
# binaries (size, stripped size, sections), gathers the benchmark tools' own output as results,
# reads the Cargo profile's inputs, and writes the run payload.

# The output of the build the step ran, for the rustc command lines (when cargo-build-log is unset).
BUILD_LOG=""

# The manifests, config files and environment Cargo resolves the profile from.
profile() {
  local manifest="${REGTRACK_MANIFEST_PATH:-Cargo.toml}" dir root="" configs="[]" env log="" build_log
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
  fi
  build_log="${REGTRACK_CARGO_BUILD_LOG:-$BUILD_LOG}"
  if [ -n "$build_log" ]; then
    # Without colours (CARGO_TERM_COLOR=always puts escapes around "Running").
    log=$(sed "s/$(printf '\033')\\[[0-9;]*[A-Za-z]//g" "$build_log" | grep -E 'Running `.*rustc .*--crate-type bin' || true)
  fi
  jq -n --arg name "${REGTRACK_PROFILE:-release}" --rawfile manifest "$manifest" \
    --argjson configs "$configs" --argjson env "$env" --arg log "$log" "$JQ_OPT"'{profile: (
      {name: $name, manifest: $manifest, cargoConfig: $configs, env: $env} + opt("rustcInvocation"; $log))}' |
    if [ -n "$root" ]; then jq --rawfile w "$root" '.profile.workspaceManifest = $w'; else cat; fi
}

# Runs build-command when given: its output streams to the log and is kept for the rustc command
# lines; its wall time is the build-time measurement. A failing build fails the step.
build() {
  [ -n "${REGTRACK_BUILD_COMMAND:-}" ] || return 0
  [ -z "${REGTRACK_BUILD_SECONDS:-}" ] || die "give build-command or build-seconds, not both"
  local start end
  BUILD_LOG="$RT_WORK/build.log"
  say "building: $REGTRACK_BUILD_COMMAND"
  start=$(now)
  bash -c "$REGTRACK_BUILD_COMMAND" < /dev/null 2>&1 | tee "$BUILD_LOG" >&2 \
    || die "the build failed (exit ${PIPESTATUS[0]}): $REGTRACK_BUILD_COMMAND"
  end=$(now)
  REGTRACK_BUILD_SECONDS=$(LC_ALL=C awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')
  say "built in ${REGTRACK_BUILD_SECONDS}s"
}

# The build's wall time, measured above or given as build-seconds, named after the profile.
build_time() {
  local seconds="${REGTRACK_BUILD_SECONDS:-}"
  [ -n "$seconds" ] || return 0
  [[ "$seconds" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "build-seconds must be a number of seconds, not '$seconds'"
  jq -cn --arg name "${REGTRACK_PROFILE:-release}" --argjson s "$seconds" \
    '{kind: "build-time", name: $name, unit: "seconds", value: $s}'
}

file_size() { wc -c < "$1" | tr -d ' '; }

# A binary's sections as size parts, whole bytes: ELF sections from `size -A` (binutils), Mach-O
# sections from `size -m` as SEGMENT,section. Only what is loaded: no debug information, comments
# or symbol tables (they have no address), no empty sections. None where size is missing.
sections() {
  command -v size >/dev/null 2>&1 || { echo '{}'; return 0; }
  if [ "$(uname -s)" = Darwin ]; then
    { size -m "$1" 2>/dev/null || true; } | awk '
      /^Segment / { segment = $2; sub(/:$/, "", segment); next }
      /^[ \t]+Section / && segment != "__DWARF" && $3 ~ /^[0-9]+$/ && $3 > 0 {
        name = $2; sub(/:$/, "", name); print segment "," name "\t" $3 }'
  else
    { size -A -d "$1" 2>/dev/null || true; } | awk '
      NF == 3 && $2 ~ /^[0-9]+$/ && $3 ~ /^[0-9]+$/ && $2 > 0 {
        if ($1 ~ /^\.(debug|zdebug|comment|symtab|strtab|shstrtab|stab|gnu_debug)/) next
        # Unloaded sections sit at address 0; so may the code of firmware linked at 0.
        if ($3 == 0 && $1 !~ /^\.(text|vector_table|isr_vector|vectors)$/) next
        print $1 "\t" $2 }'
  fi | jq -Rn '[inputs | split("\t") | {key: .[0], value: (.[1] | tonumber)}] | group_by(.key)
      | map({key: .[0].key, value: (map(.value) | add)}) | sort_by(-.value) | .[:999] | from_entries'
}

# Each binary's size, with parts: its size after strip where strip exists, and its sections.
sizes() {
  local found=0 pattern file
  while IFS= read -r pattern; do
    [ -n "$pattern" ] || continue
    while IFS= read -r file; do
      [ -f "$file" ] || continue
      found=1
      local size stripped="" parts
      size=$(file_size "$file")
      if command -v strip >/dev/null 2>&1; then
        cp "$file" "$RT_WORK/stripped" && strip "$RT_WORK/stripped" 2>/dev/null && stripped=$(file_size "$RT_WORK/stripped")
        rm -f "$RT_WORK/stripped"
      fi
      parts=$(sections "$file")
      jq -cn --arg name "$(basename "$file")" --argjson size "$size" --arg stripped "$stripped" \
        --argjson sections "$parts" '{kind: "size", name: $name, unit: "bytes", value: $size}
         + ((if $stripped != "" then {stripped: ($stripped | tonumber)} else {} end) + $sections
            | if length > 0 then {parts: .} else {} end)'
    done <<<"$(glob "$pattern")"
  done <<<"$(input_lines "${REGTRACK_BINARIES:-}")"
  [ "$found" = 1 ] || [ -z "${REGTRACK_BINARIES:-}" ] || die "no binary matched: ${REGTRACK_BINARIES}"
}

FORMATS="hyperfine criterion libtest bmf gab gbench iai-callgrind cargo-bloat"
MAX_RESULTS=100

# One tool's output file as a result: libtest's text as a string, the others' JSON as JSON.
result() { # format name file
  local format="$1" name="$2" file="$3"
  if [ "$format" = libtest ]; then
    jq -cn --arg n "$name" --rawfile c "$file" "$JQ_OPT"'{format: "libtest"} + opt("name"; $n) + {content: $c}'
    return
  fi
  jq -cn --arg f "$format" --arg n "$name" --slurpfile c "$file" "$JQ_OPT"'
    if ($c | length) != 1 then error("it holds \($c | length) JSON documents, not one")
    else {format: $f} + opt("name"; $n) + {content: $c[0]} end' \
    2>"$RT_WORK/jq.err" || die "$format output $file is not one JSON document: $(head -c 300 "$RT_WORK/jq.err")"
}

# Criterion.rs results under a directory: one result per benchmark, from <bench>/new/sample.json,
# its sibling estimates.json and benchmark.json (new/ or one level up), as criterion writes them
# (target/criterion/<group>/<function>/new/). A name prefixes the benchmarks' ids.
criterion() { # name directory
  local name="$1" dir="${2%/}" samples count sample bench estimates benchmark label
  samples=$(find -H "$dir" -path '*/new/sample.json' -type f | LC_ALL=C sort)
  [ -n "$samples" ] || die "criterion: no <benchmark>/new/sample.json under $dir (run cargo bench first)"
  count=$(wc -l <<<"$samples" | tr -d ' ')
  while IFS= read -r sample; do
    bench=$(dirname "$(dirname "$sample")")
    estimates="$bench/new/estimates.json"
    [ -f "$estimates" ] || estimates=/dev/null
    benchmark="$bench/new/benchmark.json"
    [ -f "$benchmark" ] || benchmark="$bench/benchmark.json"
    if [ -f "$benchmark" ]; then
      jq -c . "$benchmark" > "$RT_WORK/benchmark.json" 2>"$RT_WORK/jq.err" || die "criterion: $benchmark is not JSON"
    else # an older criterion: the directory names the benchmark
      jq -cn --arg id "${bench#"$dir"/}" '{full_id: $id}' > "$RT_WORK/benchmark.json"
    fi
    label="$name"
    [ -z "$name" ] || [ "$count" -eq 1 ] || label="$name/$(jq -r '.full_id // empty' "$RT_WORK/benchmark.json")"
    jq -cn --arg n "$label" --slurpfile s "$sample" \
      --slurpfile e "$estimates" --slurpfile b "$RT_WORK/benchmark.json" "$JQ_OPT"'
      {format: "criterion"} + opt("name"; $n) + {content: ({sample: $s[0], benchmark: $b[0]} + opt("estimates"; $e[0]))}' \
      2>"$RT_WORK/jq.err" || die "criterion: $sample or its estimates.json is not JSON: $(head -c 300 "$RT_WORK/jq.err")"
  done <<<"$samples"
}

# results lines (format:path-or-glob or format:name=path-or-glob) and hyperfine-json files, each a
# result; a line that matches nothing fails the step.
results() {
  local line format rest name path matches file
  while IFS= read -r line; do
    [ -n "$line" ] || continue
    format=$(trim "${line%%:*}")
    rest="${line#*:}"
    [ "$rest" != "$line" ] || die "results: '$line' is not format:path or format:name=path"
    case " $FORMATS " in
      *" $format "*) ;;
      *) die "results: '$line' has an unknown format '$format' (one of: $FORMATS)" ;;
    esac
    name=""
    path=$(trim "$rest")
    if [[ "$path" == *=* ]]; then
      name=$(trim "${path%%=*}")
      path=$(trim "${path#*=}")
    fi
    [ -n "$path" ] || die "results: '$line' names no file"
    if [ "$format" = cargo-bloat ]; then
      [ -n "$name" ] || die "results: '$line': cargo-bloat output does not name the binary; write cargo-bloat:<binary>=<file>"
      if [ "$(jq -s --arg n "$name" 'any(.[]; .kind == "size" and .name == $n)' "$RT_WORK/part-sizes.jsonl")" = true ]; then
        die "results: '$line': binaries already measures '$name', and a run has one size per name: name the cargo-bloat result otherwise (e.g. $name-crates) or leave $name out of binaries"
      fi
    fi
    matches=$(glob "$path")
    [ -n "$matches" ] || die "results: '$line' matches no file"
    while IFS= read -r file; do
      if [ "$format" = criterion ]; then criterion "$name" "$file"; continue; fi
      [ -f "$file" ] || die "results: '$line' matches $file, which is not a file"
      result "$format" "$name" "$file"
    done <<<"$matches"
  done <<<"$(input_lines "${REGTRACK_RESULTS:-}")"
  while IFS= read -r file; do
    [ -n "$file" ] || continue
    [ -f "$file" ] || die "hyperfine-json $file does not exist"
    result hyperfine "" "$file"
  done <<<"$(input_lines "${REGTRACK_HYPERFINE_JSON:-}")"
}

collect() {
  build
  # Each part in its own file, so that a failing part fails the step.
  sizes > "$RT_WORK/part-sizes.jsonl"
  build_time > "$RT_WORK/part-build.jsonl"
  results > "$RT_WORK/part-results.jsonl"
  local measured attached
  measured=$(cat "$RT_WORK/part-sizes.jsonl" "$RT_WORK/part-build.jsonl" | wc -l | tr -d ' ')
  attached=$(wc -l < "$RT_WORK/part-results.jsonl" | tr -d ' ')
  [ "$((measured + attached))" -gt 0 ] || die "nothing to report: give binaries, results, hyperfine-json or build-command"
  [ "$attached" -le "$MAX_RESULTS" ] || die "$attached results: a run takes at most $MAX_RESULTS (send fewer criterion benchmarks or tools' files)"
  cat "$RT_WORK/part-sizes.jsonl" "$RT_WORK/part-build.jsonl" | jq -s '{measurements: .}' > "$RT_WORK/part-measurements.json"
  jq -s 'if length > 0 then {results: .} else {} end' "$RT_WORK/part-results.jsonl" > "$RT_WORK/part-attached.json"
  git_context > "$RT_WORK/part-git.json"
  ci_context > "$RT_WORK/part-ci.json"
  toolchain > "$RT_WORK/part-toolchain.json"
  runner > "$RT_WORK/part-runner.json"
  profile > "$RT_WORK/part-profile.json"
  jq -s 'add' "$RT_WORK"/part-git.json "$RT_WORK"/part-ci.json "$RT_WORK"/part-toolchain.json "$RT_WORK"/part-runner.json \
    "$RT_WORK"/part-profile.json "$RT_WORK"/part-measurements.json "$RT_WORK"/part-attached.json > "$RT_PAYLOAD"
  say "collected $measured measurements and $attached results for $(jq -r .commit "$RT_PAYLOAD")"
  output payload "$RT_PAYLOAD"
}
