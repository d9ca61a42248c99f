#!/usr/bin/env bash
# The sample's audit whole, then as 2 and as 4 shards, every run one after the other on this machine,
# so that the slowest shard's wall time says what n parallel CI jobs would take whatever this
# machine's core count (issue #19). Each run is a whole runner process, start-up included, as a CI
# job pays it. Then the shards are merged and the merged metrics.json is compared with the whole one,
# timings aside. Usage: bench/shards.sh [THREADS]   (libtorch threads per run, default 1)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
sample=$repo/samples/MnistAudit
threads=${1:-1}
work=$(mktemp -d "${TMPDIR:-/tmp}/interpaudit-shards-bench.XXXXXX")

# Trains once (obj/) without auditing, then builds the runner from source as the sample's build does.
dotnet build "$sample" -v:q -nologo -p:InterpAuditEnabled=false >/dev/null
dotnet msbuild "$sample/MnistAudit.csproj" -v:q -nologo -t:InterpAuditBuildFromSource >/dev/null
runner=$(dotnet msbuild "$sample/MnistAudit.csproj" -nologo -getProperty:InterpAuditRunnerPath)
assembly=$sample/bin/Debug/net10.0/MnistAudit.dll

run() { # run NAME ARGS… : prints the seconds the runner took
  local name=$1; shift
  local start end
  start=$(date +%s.%N)
  dotnet exec "$runner" audit --assembly "$assembly" --project "$sample/MnistAudit.csproj" \
    --output "$work/$name" --threads "$threads" "$@" > "$work/$name.log" 2>&1 || { cat "$work/$name.log"; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

# The file without what depends on when and how fast it ran (LIB records its own seconds).
untimed='del(.timingsSeconds, .startedAt) | walk(if type == "object" then del(.seconds, .accumulationSeconds, .accumulationGflopsPerSecond) else . end)'
# MKL picks kernels by buffer alignment, so two runs can differ in a float32's last bit: the
# comparison below needs MKL's alignment-independent mode, as the MSBuild task sets it for every audit
# (AUTO,STRICT: full speed; every run here uses it, so times compare).
export MKL_CBWR=AUTO,STRICT

whole=$(run whole)
echo "whole: $whole s (load $(cut -d' ' -f1 /proc/loadavg))"
for n in 2 4; do
  slowest=0; times=""
  for i in $(seq 1 "$n"); do
    t=$(run "shards-$n-$i" --shard "$i/$n")
    times="$times $t"
    slowest=$(echo "if ($t > $slowest) $t else $slowest" | bc)
  done
  echo "$n shards:$times s; slowest $slowest s = $(echo "scale=2; $slowest / $whole" | bc) of whole (load $(cut -d' ' -f1 /proc/loadavg))"
  dotnet exec "$runner" merge "$work"/shards-"$n"-*/*/metrics.shard-*.json --output "$work/merged-$n" --baseline-dir "$sample" > "$work/merge-$n.log" 2>&1 || true
  for audit in mnist-mlp mnist-mlp-modular; do
    if cmp -s <(jq -S "$untimed" "$work/whole/$audit/metrics.json") \
              <(jq -S "$untimed" "$work/merged-$n/$audit/metrics.json"); then
      echo "  $audit: merged metrics.json = whole (timings aside)"
    else
      echo "  $audit: merged metrics.json differs from whole (see $work)"
    fi
  done
  grep -h "work unit" "$work"/shards-"$n"-*.log | sed 's/^/  /'
done
echo "outputs: $work"
