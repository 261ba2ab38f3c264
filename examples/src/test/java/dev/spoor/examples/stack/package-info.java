/** Checks of the docker-compose stack files (Jaeger, Loki, promtail, Grafana) shipped with the demo. */
package dev.spoor.examples.stack;
