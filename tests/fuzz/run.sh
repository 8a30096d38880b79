#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each from a seed
# corpus: the spec-format examples, the demo article and comment cases.
#
#   bash tests/fuzz/run.sh                  the gate npm test runs: a fixed seed and
#                                           a fixed number of runs, so the same build
#                                           explores the same inputs every time (a
#                                           test must not pass or fail by luck)
#   FUZZ_SECONDS=600 bash tests/fuzz/run.sh exploration: random seed, that long per target
#
# A crash, a sanitizer report or a broken output promise fails the run and
# leaves the input in build/fuzz/ (crash-*), to be turned into a regression test.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
seconds="${FUZZ_SECONDS:-}"
declare -A runs=([fuzz_render]=40000 [fuzz_comments]=400000)  # about 15 s each on this 2-core VM

CC=clang CXX=clang++ cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBR_FUZZ=ON >/dev/null
cmake --build build/fuzz -j"${JOBS:-2}" --target fuzz_render fuzz_comments

# Seed corpora, made fresh each run (nothing generated is committed).
corpus=build/fuzz/corpus
rm -rf "$corpus" && mkdir -p "$corpus/render" "$corpus/comments"
n=0
for file in tests/spec/*.md web/demo/posts/*.md; do
  # One seed per spec example (a leading option byte, then the Markdown), and the whole file.
  awk -v dir="$corpus/render" -v base="$n" '
    index($0, "```````````````````````````````` example") == 1 { inside = 1; count++; file = sprintf("%s/spec-%d-%d", dir, base, count); printf "\x00" > file; next }
    inside && /^\.$/ { inside = 0; close(file); next }
    inside { print >> file }' "$file"
  { printf '\x00'; cat "$file"; } > "$corpus/render/file-$n"
  n=$((n + 1))
done
printf '\x01<script>alert(1)</script> [x](javascript:alert(1))' > "$corpus/render/comment-html"
printf '\x00<a href="jav&#x09;ascript:x" onclick=y>a</a><svg><script>z</script></svg>' > "$corpus/render/raw-html"
printf '\x00- <div>a\n- <ul><li>b\n\n# <table><tr><td>x\n\n> <b>*y</b>* <dl><dd>z\n\n<div>\n\n| <td>q |\n|---|\n\n</div>\n' > "$corpus/render/raw-html-in-blocks"
printf '\x01jan@b\xc3\xbccher.de' > "$corpus/comments/email"
printf '\x02https://m\xc3\xbcnchen.de/\xc3\xa4?q=1#x' > "$corpus/comments/url"
printf '\x00Jan \xe2\x80\xae de Vries' > "$corpus/comments/author"
printf '\x03Dank! https://a.nl en www.b.nl\n' > "$corpus/comments/content"
printf '{"fields":{"author":[0,3],"content":[3,2]},"options":{"locale":["nl-BE"],"elapsedSeconds":1}}' > "$corpus/comments/request"

# -timeout: one input taking over 10 s is a hang (the engine is linear-time).
for target in fuzz_render fuzz_comments; do
  dir="$corpus/${target#fuzz_}"
  log="build/fuzz/$target.log"
  if [[ -n "$seconds" ]]; then
    budget=(-max_total_time="$seconds")
    echo "fuzz: $target for ${seconds}s from $(ls "$dir" | wc -l) seeds"
  else
    budget=(-seed=1 -runs="${runs[$target]}")
    echo "fuzz: $target, ${runs[$target]} runs from seed 1 and $(ls "$dir" | wc -l) seeds"
  fi
  status=0
  (cd build/fuzz && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "./$target" "${budget[@]}" -timeout=10 -max_len=65536 -print_final_stats=1 "../../$dir" \
    > "../../$log" 2>&1) || status=$?
  grep -aE "^(#[0-9]+ +DONE|stat::number_of_executed_units|stat::peak_rss_mb|stat::slowest_unit_time_sec)" "$log" | sed 's/^/  /' || true
  if [[ $status -ne 0 ]]; then
    echo "fuzz: $target FAILED (exit $status); the input is in build/fuzz/crash-* (or timeout-*), the log in $log" >&2
    grep -aE "ERROR|SUMMARY|runtime error|fuzz_(render|comments):|Test unit written" "$log" | head -20 >&2 || true
    exit 1
  fi
done
echo "fuzz: no crash, sanitizer report or broken output promise"
