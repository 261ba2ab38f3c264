/**
 * Property-based fuzzing (jqwik) of every propagation codec with hostile headers, and of baggage
 * on inject: nothing thrown, time linear in the input, only safe header values written, limits
 * honoured.
 */
package dev.spoor.http.fuzz;
