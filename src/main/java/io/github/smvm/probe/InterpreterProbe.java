package io.github.smvm.probe;

import java.nio.file.Path;

/** Probes one interpreter executable. {@link Prober} is the real implementation. */
@FunctionalInterface
public interface InterpreterProbe {

    InterpreterInfo probe(Path executable) throws ProbeException;
}
