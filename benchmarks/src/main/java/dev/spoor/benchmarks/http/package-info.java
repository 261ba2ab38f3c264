/**
 * The HTTP benchmark: a request and its response between a JDK {@code HttpServer} and a
 * {@code java.net.http.HttpClient} on 127.0.0.1, traced by Spoor's HTTP wrappers or untraced.
 */
package dev.spoor.benchmarks.http;
