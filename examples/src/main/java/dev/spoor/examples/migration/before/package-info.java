/** The order service on jaeger-client-java 1.8.1, as it was before the migration. */
package dev.spoor.examples.migration.before;
