/**
 * Finding Python interpreters and learning what they are.
 *
 * <ul>
 *   <li>{@link io.github.smvm.probe.Prober} runs the bundled {@code probe.py} with one interpreter and
 *       returns an {@link io.github.smvm.probe.InterpreterInfo}, or a typed
 *       {@link io.github.smvm.probe.ProbeException}.
 *   <li>{@link io.github.smvm.probe.InterpreterRequest} reads what the user asked for (version,
 *       range, command name or path).
 *   <li>{@link io.github.smvm.probe.Discovery} walks the known install locations through a
 *       {@link io.github.smvm.probe.DiscoveryContext}, probes the candidates and picks one.
 * </ul>
 *
 * <p>No Maven types; progress goes to an optional {@code Consumer<String>}, nothing is printed.
 */
package io.github.smvm.probe;
