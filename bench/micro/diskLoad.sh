#!/bin/bash
# `bench/micro/diskLoad.sh [seconds] [folder]`: a disk that stalls on demand. Writes 400 MB and
# fsyncs it, over and over, in `folder` (default /tmp) for `seconds` (default 40), so that other
# processes' fsyncs take 100-400 ms. Run it beside `npx tsx bench/micro/disk.ts` or a bench scenario
# to see what a stalling disk does to commits and walls (docs/benchmarks.md, eleventh round).
set -eu
secs=${1:-40}
file="${2:-/tmp}/gc-disk-load-$$"
trap 'rm -f "$file"' EXIT
end=$((SECONDS + secs))
while [ "$SECONDS" -lt "$end" ]; do dd if=/dev/zero of="$file" bs=1M count=400 conv=fsync status=none; done
