package io.github.smvm.probe;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Probes each path once for the lifetime of this object and remembers the answer, success or failure,
 * so that several requests in one build do not run the same interpreter again. Keep one per build,
 * never in a static field: an interpreter may be upgraded between builds.
 */
public final class CachingProbe implements InterpreterProbe {

    private record Outcome(InterpreterInfo info, ProbeException failure) {
    }

    private final InterpreterProbe delegate;
    private final Map<Path, Outcome> outcomes = new ConcurrentHashMap<>();

    public CachingProbe(InterpreterProbe delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    @Override
    public InterpreterInfo probe(Path path) throws ProbeException {
        Outcome outcome = outcomes.computeIfAbsent(path.toAbsolutePath().normalize(), key -> {
            try {
                return new Outcome(delegate.probe(path), null);
            } catch (ProbeException e) {
                return new Outcome(null, e);
            }
        });
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return outcome.info();
    }
}
