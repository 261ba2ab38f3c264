/** The order service on Spoor, after the migration. */
package dev.spoor.examples.migration.after;
