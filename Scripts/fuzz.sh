#!/usr/bin/env bash
# Builds the fuzz runner with libFuzzer and AddressSanitizer and runs each target for FUZZ_SECONDS (Docs/fuzzing.md).
# A target's corpus grows in .build/fuzz/corpus/TARGET, seeded from Tests/Fuzz/TARGET/seeds; what it finds
# (crash-*, leak-*, timeout-*, oom-*) is written to .build/fuzz/findings/TARGET. Exits 1 when any target found something.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SECONDS:-20}"
targets="${FUZZ_TARGETS:-$(cd Tests/Fuzz && ls -d */ | tr -d /)}"
scratch=.build/fuzz
runner="$scratch/debug/amanat-fuzz"
echo "fuzz: building amanat-fuzz (libFuzzer, AddressSanitizer; the first build takes several minutes)"
AMANAT_FUZZ=1 swift build --scratch-path "$scratch" --product amanat-fuzz -Xswiftc -sanitize=fuzzer,address \
  2>&1 | grep -v "Cannot export local symbol" | grep -E "error|warning: unre|Build of|Compiling AmanatFuzz" || true
test -x "$runner" || { echo "fuzz: amanat-fuzz did not build"; exit 1; }
failed=0
for target in $targets; do
  corpus="$scratch/corpus/$target"
  findings="$scratch/findings/$target"
  mkdir -p "$corpus" "$findings"
  cp -n Tests/Fuzz/"$target"/seeds/* "$corpus"/ 2>/dev/null || true
  echo "fuzz: $target for ${seconds} s"
  if ! SWIFT_BACKTRACE=enable=no LSAN_OPTIONS="suppressions=$PWD/Tests/Fuzz/lsan-suppressions" "$runner" "$target" "$corpus" \
      -dict="Tests/Fuzz/$target/dictionary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$findings/" -print_final_stats=1 > "$scratch/$target.log" 2>&1; then
    failed=1
    echo "fuzz: $target FOUND SOMETHING: $(ls "$findings")"
    grep -E "ERROR|Fatal error|invariant broken" "$scratch/$target.log" | head -3
  fi
  grep -E "^stat::number_of_executed_units|^#[0-9]+[[:space:]]+DONE" "$scratch/$target.log" | tail -2 | sed "s/^/fuzz: $target: /"
done
exit $failed
