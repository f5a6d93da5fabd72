#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/) and prints one Markdown table: target, seconds,
# executions, findings. Not part of CI (it takes minutes and needs nightly); see fuzz/README.md.
#
#   bench/fuzz.sh                               every target to 1M executions or 10 minutes, two at a time
#   bench/fuzz.sh --time 60 decode json         some targets, 60 s each
#   bench/fuzz.sh --runs 100000 --jobs 1        a fixed number of executions, one target at a time
#
# Each target stops at whichever limit comes first. The corpora (fuzz/corpus/<target>, ignored by
# git) are seeded from the shared vectors on first use and keep what the fuzzer finds; crashes
# and timeouts are written to fuzz/artifacts/<target>/ and counted as findings. Logs go to
# bench/results/fuzz-<target>.log.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

seconds=600 runs=1000000 jobs=2 targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) seconds=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
[ ${#targets[@]} -gt 0 ] || targets=(decode verify key_import json sign_verify)

# cargo-fuzz and nightly are assumed installed (scripts/lib/tools.sh does not install them: not CI).
command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2; exit 1; }
# No sanitizer: the engine forbids unsafe code, so ASan would find little and halve the speed;
# debug assertions (overflow checks included) stay on.
(cd fuzz && nice -n 10 cargo +nightly fuzz build -s none --fuzz-dir .)
[ -d fuzz/corpus/decode ] || node fuzz/seed.mjs >&2

bin=fuzz/target/x86_64-unknown-linux-gnu/release
mkdir -p bench/results
run_one() {
  local target=$1 log=bench/results/fuzz-$1.log before after start rc=0
  mkdir -p "fuzz/corpus/$target" "fuzz/artifacts/$target"
  before=$(ls "fuzz/artifacts/$target" | wc -l)
  start=$(date +%s)
  nice -n 10 "$bin/$target" "fuzz/corpus/$target" -artifact_prefix="fuzz/artifacts/$target/" \
    -runs="$runs" -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1 || rc=$?
  after=$(ls "fuzz/artifacts/$target" | wc -l)
  local execs
  execs=$(awk -F: '/stat::number_of_executed_units/ { gsub(/ /, "", $NF); print $NF }' "$log")
  echo "$target $(( $(date +%s) - start )) ${execs:-?} $(( after - before )) $rc" >"bench/results/fuzz-$target.row"
}

echo "fuzzing ${targets[*]}: up to $runs executions or $seconds s each, $jobs at a time" >&2
running=0
for target in "${targets[@]}"; do
  run_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

echo
echo "Fuzzing on $(date -u +%Y-%m-%d), $(nproc) cores, \`bench/fuzz.sh --runs $runs --time $seconds --jobs $jobs\`:"
echo
echo "| Target | Seconds | Executions | Findings |"
echo "|---|---:|---:|---:|"
findings=0
for target in "${targets[@]}"; do
  read -r name secs execs found rc <"bench/results/fuzz-$target.row"
  note=""
  [ "$rc" = 0 ] || note=" (exit $rc, see fuzz/artifacts/$name/)"
  echo "| \`$name\` | $secs | $execs | $found$note |"
  findings=$((findings + found))
done
[ "$findings" = 0 ] || exit 1
