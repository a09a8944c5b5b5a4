#!/usr/bin/env bash
# The province end to end: generate it, then time `check` and `report` (text) under
# /usr/bin/time -v beside the floor on the same bytes (typed serde_json into the record types,
# and a raw read counting lines), and print the table with the ratios. Not part of CI: it needs
# about 6 GB of disk, 5 GB of memory and a few minutes.
#
#   benches/province.sh [DIR] [SCALE]      (default: target/province, province)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/province}
scale=${2:-province}
cargo build --release -q -p zugong-cli
floor=$(cargo bench -q -p zugong-dataset --bench floor --no-run --message-format=json \
  | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1)
bin=target/release/zugong
if [ ! -f "$dir/dataset.json" ]; then
  "$bin" generate --scale "$scale" --seed 2026 --out "$dir" --force >/dev/null
fi
members=$(wc -l < "$dir/members.jsonl")
# Runs "$@" under /usr/bin/time -v; prints "seconds peak_kib".
measure() {
  local log
  log=$(mktemp)
  /usr/bin/time -v "$@" >/dev/null 2>"$log" || true
  local wall peak
  wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$log" \
    | awk -F: '{ if (NF == 3) print $1 * 3600 + $2 * 60 + $3; else print $1 * 60 + $2 }')
  peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$log")
  rm -f "$log"
  echo "$wall $peak"
}
sync
read -r raw_s raw_k < <(measure sh -c "cat '$dir'/*.jsonl | wc -l")
read -r serde_s serde_k < <(measure "$floor" "$dir")
read -r check_s check_k < <(measure "$bin" check "$dir")
read -r report_s report_k < <(measure "$bin" report "$dir")
# The same per member at city scale, to see whether the cost grows with size.
city="$dir-city"
if [ ! -f "$city/dataset.json" ]; then
  "$bin" generate --scale city --seed 2026 --out "$city" --force >/dev/null
fi
city_members=$(wc -l < "$city/members.jsonl")
read -r city_s city_k < <(measure "$bin" check "$city")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
gib() { awk -v k="$1" 'BEGIN { printf "%.2f GB", k * 1024 / 1e9 }'; }
per() { awk -v k="$1" -v m="$members" 'BEGIN { printf "%d", k * 1024 / m }'; }
us() { awk -v s="$1" -v m="$members" 'BEGIN { printf "%.1f", s * 1e6 / m }'; }
echo "province ($scale, seed 2026): $members members, $(du -sh "$dir" | cut -f1) on disk"
echo
echo "| step | time | peak memory | bytes per member | µs per member | ÷ typed serde |"
echo "|---|---|---|---|---|---|"
echo "| raw read, counting lines | ${raw_s} s | $(gib "$raw_k") | — | $(us "$raw_s") | — |"
echo "| typed serde_json into the record types | ${serde_s} s | $(gib "$serde_k") | $(per "$serde_k") | $(us "$serde_s") | 1.00 |"
echo "| \`zugong check\` | ${check_s} s | $(gib "$check_k") | $(per "$check_k") | $(us "$check_s") | $(ratio "$check_s" "$serde_s") |"
echo "| \`zugong report\` (text) | ${report_s} s | $(gib "$report_k") | $(per "$report_k") | $(us "$report_s") | $(ratio "$report_s" "$serde_s") |"
city_us=$(awk -v s="$city_s" -v m="$city_members" 'BEGIN { printf "%.1f", s * 1e6 / m }')
echo
echo "\`zugong check\` on a city ($city_members members): ${city_s} s, ${city_us} µs per member;" \
  "per member, province ÷ city: $(ratio "$(us "$check_s")" "$city_us")"
