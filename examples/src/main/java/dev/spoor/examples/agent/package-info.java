/**
 * A Jaeger agent that runs inside the demo: it receives the tracers' UDP datagrams on a loopback
 * port, decodes them with the real {@code jaeger-thrift}/{@code libthrift} classes and assembles
 * the spans into traces. Depends only on those peer libraries and SLF4J, not on the tracer.
 */
package dev.spoor.examples.agent;
