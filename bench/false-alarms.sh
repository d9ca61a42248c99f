#!/usr/bin/env bash
# Measures the gate's false-alarm rate on the sample: trains both sample models with each given seed
# (none of them should be a calibration seed), audits them against the committed baselines exactly as
# `dotnet build samples/MnistAudit` does, and prints one line per audit with its verdict and the
# metrics that regressed. A fair retrain failing is a false alarm.
#
#   bench/false-alarms.sh 11 12 13 …            # this processor's kernels
#   ATEN_CPU_CAPABILITY=default bench/false-alarms.sh 1 2 3   # another processor's kernels
#   MNIST_EPOCHS=8 bench/false-alarms.sh 1 2 3   # degraded models (detection, not false alarms)
#   MNIST_LAMBDA=0.2 bench/false-alarms.sh 1 2 3  # the modular variant with a weaker enmeshment loss
#
# Needs a built sample (run `dotnet build samples/MnistAudit` once first).
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
sample="$root/samples/MnistAudit"
runner="$root/src/InterpAudit.Runner/bin/Release/net10.0/interpaudit.dll"
work="$sample/obj/false-alarms/kernels-${ATEN_CPU_CAPABILITY:-native}-epochs-${MNIST_EPOCHS:-default}-lambda-${MNIST_LAMBDA:-default}"
extra=()
modular=()
[ -n "${MNIST_EPOCHS:-}" ] && extra+=(--epochs "$MNIST_EPOCHS")
[ -n "${MNIST_LAMBDA:-}" ] && modular+=(--lambda "$MNIST_LAMBDA")
mkdir -p "$work"
printf '%-6s %-20s %-8s %s\n' seed audit verdict regressed
for seed in "$@"; do
  dir="$work/seed-$seed"
  mkdir -p "$dir"
  dotnet "$sample/bin/Debug/net10.0/MnistAudit.dll" train --seed "$seed" "${extra[@]}" --weights "$dir/mnist-mlp.weights" --data "$sample/obj/mnist" >/dev/null
  dotnet "$sample/bin/Debug/net10.0/MnistAudit.dll" train --variant modular --seed "$seed" "${extra[@]}" "${modular[@]}" --weights "$dir/mnist-mlp-modular.weights" --data "$sample/obj/mnist" >/dev/null
  # A copy of the baselines, so the runner never writes to the committed ones.
  cp "$sample"/*.audit-baseline.json "$dir/"
  MNISTAUDIT_WEIGHTS_DIR="$dir" dotnet "$runner" audit --assembly "$sample/bin/Debug/net10.0/MnistAudit.dll" \
    --project "$sample/MnistAudit.csproj" --output "$dir/out" --baseline-dir "$dir" --device cpu > "$dir/audit.log" 2>&1
  for audit in mnist-mlp mnist-mlp-modular; do
    verdict=$(grep -oE "\[$audit\] (PASS|WARN|FAIL)" "$dir/audit.log" | awk '{print $2}')
    regressed=$(grep -oE "(error|warning) IA(2001|1[0-9]{3}): \[$audit\] [a-zA-Z0-9]+(\([^)]*\))?" "$dir/audit.log" | sed -E 's/: \[[^]]*\] / /' | tr '\n' ' ')
    printf '%-6s %-20s %-8s %s\n' "$seed" "$audit" "${verdict:-?}" "${regressed:-—}"
  done
done
