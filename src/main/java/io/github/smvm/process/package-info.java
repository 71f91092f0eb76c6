/**
 * Running external commands safely: argument lists only (never a shell), a mandatory timeout that
 * kills the whole process tree, both output streams drained concurrently and capped, and typed
 * failures ({@link io.github.smvm.process.ProcessStartException},
 * {@link io.github.smvm.process.ProcessTimeoutException}). No Maven types; nothing is logged.
 */
package io.github.smvm.process;
