/**
 * Load, fault and concurrency tests proving that tracing never hurts the traced service: the
 * application's threads never block or see an exception, memory stays bounded, and every finished
 * span is accounted for as sent or dropped. Real sockets on 127.0.0.1, real decoding.
 */
package dev.spoor.reliability;
