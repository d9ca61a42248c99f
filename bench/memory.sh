#!/usr/bin/env bash
# Peak memory of a whole audit on 10,000 evaluation samples (issue: under 2 GiB).
# Builds the sample (which trains its model and fetches the digits if needed), then runs the runner on
# the plain model's audit with every digit as evaluation data (MNISTAUDIT_EVALUATE_ALL=1) under
# /usr/bin/time -v, and prints the peak resident set size against the bound. Outputs and the baseline
# go to a temporary folder, so the sample's committed baseline is neither read nor changed.
# Usage: bench/memory.sh            (exit 0 when under the bound, 1 over it)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
bound_kib=$((2 * 1024 * 1024))
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

[ -x /usr/bin/time ] || { echo "bench/memory.sh: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }
dotnet build "$root/samples/MnistAudit" -nologo -v:q >/dev/null
runner="$root/src/InterpAudit.Runner/bin/Release/net10.0/interpaudit.dll"
sample="$root/samples/MnistAudit"

cd "$sample"
MNISTAUDIT_EVALUATE_ALL=1 /usr/bin/time -v -o "$work/time.txt" \
  dotnet "$runner" audit --assembly bin/Debug/net10.0/MnistAudit.dll --project MnistAudit.csproj \
    --audit mnist-mlp --device cpu --output "$work/out" --baseline-dir "$work/baselines" --fail-build false \
  | tee "$work/runner.txt" | grep -E "measured|PASS|WARN|FAIL" || true

samples=$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['dataset']['sampleCount'])" "$work/out/mnist-mlp/metrics.json")
peak_kib=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
echo
echo "evaluation samples: $samples"
echo "wall: $wall"
echo "peak RSS: $((peak_kib / 1024)) MiB (bound $((bound_kib / 1024)) MiB)"
[ "$samples" -eq 10000 ] || { echo "expected 10000 samples"; exit 1; }
[ "$peak_kib" -lt "$bound_kib" ] && echo "OK: under the bound" || { echo "OVER the bound"; exit 1; }
