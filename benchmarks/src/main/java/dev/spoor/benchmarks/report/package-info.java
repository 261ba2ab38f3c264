/**
 * Turns JMH's JSON results ({@code -rf json}) into {@code RESULTS.md}: one table per benchmark with
 * a row per {@code system}, the allocation per operation from {@code -prof gc}, and ratios to
 * Spoor. Run by {@code benchmarks/run.sh}; reads only the JSON and the machine's {@code /proc}.
 */
package dev.spoor.benchmarks.report;
