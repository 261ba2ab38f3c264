#!/usr/bin/env bash
# Builds the benchmarks and runs the steady-rate benchmark (not JMH): every tracer in its own JVM at
# a paced rate, CPU per span net of a no-op tracer, spans delivered. Writes benchmarks/STEADY-RATE.md.
#
#   benchmarks/steady-rate.sh                        all tracers at 10k, 100k, 1M spans/s (~10 min)
#   benchmarks/steady-rate.sh --rates 100000         any option of SteadyRateRunner, e.g.
#                                                    --tracers noop,spoor --rounds 3
#                                                    --env JAEGER_REPORTER_MAX_QUEUE_SIZE=10000
#                                                    --profile spoor@100000:cpu+wall --out none
#   QUICK=1 benchmarks/steady-rate.sh [options]      1 s + 2 s windows: a smoke test
#
# Each case's result, log and profile go to benchmarks/target/steady-rate/.
set -euo pipefail

cd "$(dirname "$0")/.."

note=""
quick=()
if [[ "${QUICK:-0}" == "1" ]]; then
  quick=(--warmup-seconds 1 --measure-seconds 2)
  note="SMOKE RUN (QUICK=1): 1 s warm-up and 2 s windows, far too short; these numbers mean little."
fi
if [[ $# -gt 0 ]]; then
  note="${note:+$note }Run with options: $*."
fi

mvn -B -q -pl benchmarks -am package -DskipTests

command="${QUICK:+QUICK=$QUICK }benchmarks/steady-rate.sh"
if [[ $# -gt 0 ]]; then
  printf -v shown " %q" "$@"
  command+="$shown"
fi
java -cp benchmarks/target/benchmarks.jar dev.spoor.benchmarks.steadyrate.SteadyRateRunner \
  --note "$note" --command "$command" ${quick[@]+"${quick[@]}"} "$@"
