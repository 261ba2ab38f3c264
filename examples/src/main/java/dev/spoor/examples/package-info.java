/** Runnable programs that show Spoor at work; users of the library, not part of it. */
package dev.spoor.examples;
