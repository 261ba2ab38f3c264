/**
 * Hostile clients: property-based fuzzing (jqwik) of every propagation codec with hostile headers
 * and of baggage
 * on inject (nothing thrown, time linear in the input, only safe header values written, limits
 * honoured), and clients trying to force sampling or inflate baggage at an untrusted edge.
 */
package dev.spoor.http.fuzz;
