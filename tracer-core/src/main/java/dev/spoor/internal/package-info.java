/**
 * Helpers shared by Spoor's modules: hex id codecs, rate-limited logging, header character checks.
 * <strong>Not API</strong>: anything here may change in any release. Depends on nothing else in
 * Spoor.
 */
package dev.spoor.internal;
