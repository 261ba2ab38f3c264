/**
 * Helpers shared by Spoor's modules: hex id codecs, Spoor's own logging through {@code
 * java.util.logging} (plain and rate-limited), the background threads, header character checks,
 * cleaning untrusted text for a log line, a strict bounded JSON reader, contexts that own their
 * baggage. <strong>Not API</strong>: anything here may change in any release. Depends on nothing
 * else in Spoor but {@link dev.spoor.SpoorSpanContext}, which {@code BaggageOwnership} creates.
 */
package dev.spoor.internal;
