/**
 * The Jaeger wire encoding: a small Thrift compact protocol writer and the encoder of Jaeger's IDL
 * ({@code jaeger.thrift} Batch, Process, Span, Tag, Log, SpanRef and {@code agent.thrift}'s
 * one-way {@code emitBatch} message). Written by hand so that the tracer needs no libthrift at run
 * time and encodes straight from {@link dev.spoor.FinishedSpan} into a reused byte buffer.
 *
 * <p>Not API: the types are public only for {@code dev.spoor.reporter}. Depends on {@code dev.spoor}
 * (span data) only.
 */
package dev.spoor.jaeger.thrift;
