/**
 * Traces in the JSON of Jaeger's query API ({@code GET /api/traces/{id}}), the form the Jaeger
 * UI's "JSON File" loader opens: a small hand-written JSON writer and the mapping from the agent's
 * decoded Thrift spans. Depends on {@code dev.spoor.examples.agent} and jaeger-thrift's types only.
 */
package dev.spoor.examples.jaegerjson;
