package io.github.smvm.probe;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Probes each path once and gives the answer, success or failure, again, so that several requests do
 * not run the same interpreter again. The answers live in a {@link ProbeMemory}: one of its own, or
 * one shared by every goal of a build; an interpreter whose file changed is probed again.
 */
public final class CachingProbe implements InterpreterProbe {

    private final InterpreterProbe delegate;
    private final ProbeMemory memory;

    /** Remembers for the lifetime of this object only. */
    public CachingProbe(InterpreterProbe delegate) {
        this(delegate, new ProbeMemory());
    }

    /** Remembers in {@code memory}, which others (later goals of the same build) may share. */
    public CachingProbe(InterpreterProbe delegate, ProbeMemory memory) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    @Override
    public InterpreterInfo probe(Path path) throws ProbeException {
        ProbeMemory.Outcome outcome = memory.outcome(path, () -> delegate.probe(path));
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.info();
    }
}
