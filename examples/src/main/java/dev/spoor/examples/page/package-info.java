/**
 * The demo's trace page: one self-contained HTML file (its CSS, script and data inline, nothing
 * fetched) with a trace list, a trace view per trace with its log lines, and RED figures per
 * operation, plus each trace as Jaeger query-API JSON beside it. Depends on
 * {@code dev.spoor.examples.agent}, {@code dev.spoor.examples.jaegerjson} and the log lines of
 * {@code dev.spoor.examples.logging}.
 */
package dev.spoor.examples.page;
