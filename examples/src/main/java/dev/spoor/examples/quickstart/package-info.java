/** The README's quick start as a program, run by a test so the README's code stays true. */
package dev.spoor.examples.quickstart;
