/**
 * A Spring Boot application that finds its tracer through opentracing-spring-web-starter and
 * TracerResolver. Alone in its package so that nothing else is component-scanned with it.
 */
package dev.spoor.it.spring;
