/**
 * Helpers shared by Spoor's modules: hex id codecs, rate-limited logging, header character checks,
 * cleaning untrusted text for a log line, a strict bounded JSON reader, and the builder through which
 * the codecs make span contexts. <strong>Not API</strong>: anything here may change in any release.
 * Depends on nothing else in Spoor but {@link dev.spoor.SpoorSpanContext}, which
 * {@code SpanContextBuilder} builds.
 */
package dev.spoor.internal;
