#!/usr/bin/env bash
# Builds the benchmarks, runs them with JMH and writes benchmarks/RESULTS.md.
#
#   benchmarks/run.sh                 the full suite (about 20 minutes on 2 cores)
#   benchmarks/run.sh <regex>         only the benchmarks whose name matches, e.g. Propagation
#   QUICK=1 benchmarks/run.sh [regex] a smoke run: tiny iterations, numbers are meaningless
#
# Output: benchmarks/results.json (JMH's -rf json, not committed) and benchmarks/RESULTS.md.
set -euo pipefail

cd "$(dirname "$0")/.."
regex="${1:-}"

# Full settings: one fork per case, 4 warmups of 2 s and 5 measurements of 3 s. A case (one
# benchmark with one set of params) costs 4*2 + 5*3 = 23 s plus about 1.5 s of JVM start and
# setup, so the 46 cases of the whole suite take about 19 minutes, plus a minute of build.
warmups=4 warmup_time=2s iterations=5 iteration_time=3s case_seconds=25
note=""
if [[ "${QUICK:-0}" == "1" ]]; then
  warmups=1 warmup_time=200ms iterations=2 iteration_time=200ms case_seconds=2
  note="SMOKE RUN (QUICK=1): iterations far too short, these numbers mean nothing."
fi
if [[ -n "$regex" ]]; then
  note="${note:+$note }Subset run: only benchmarks matching '$regex'."
fi

mvn -B -q -pl benchmarks -am package -DskipTests

jar=benchmarks/target/benchmarks.jar
json=benchmarks/results.json
cases=$(java -jar "$jar" -lp ${regex:+"$regex"} | awk '
  /^Benchmarks:/ { next }
  /^[^ ]/ { total += n; n = 1; next }
  /param/ { n *= split($0, values, ",") }
  END { print total + n }')
estimate=$(( cases * case_seconds ))
if (( estimate < 120 )); then estimate="$estimate s"; else estimate="$(( (estimate + 59) / 60 )) min"; fi
echo "Running $cases benchmark cases, about $estimate."

jmh_args=(-f 1 -wi "$warmups" -w "$warmup_time" -i "$iterations" -r "$iteration_time"
  -jvmArgs "-Xms2g -Xmx2g" -prof gc -rf json -rff "$json")
java -jar "$jar" ${regex:+"$regex"} "${jmh_args[@]}"

printf -v shown_args "%q " "${jmh_args[@]}"
invocation="${QUICK:+QUICK=$QUICK }benchmarks/run.sh${regex:+ '$regex'}"
command="$invocation, which runs: java -jar $jar${regex:+ '$regex'} ${shown_args% }"
java -cp "$jar" dev.spoor.benchmarks.report.ResultsReport \
  "$json" benchmarks/RESULTS.md "$command" "$note"
