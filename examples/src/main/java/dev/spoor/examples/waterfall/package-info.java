/**
 * Draws an assembled trace in the terminal the way the Jaeger UI's trace view does: a header, then
 * one row per span in tree order with a bar on a shared time axis. Depends on
 * {@code dev.spoor.examples.agent} for the decoded spans; produces plain strings, prints nothing.
 */
package dev.spoor.examples.waterfall;
