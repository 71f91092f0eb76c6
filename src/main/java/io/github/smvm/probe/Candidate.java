package io.github.smvm.probe;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An executable that may be a Python interpreter.
 *
 * @param path the path to run
 * @param source where it was found
 * @param origin the place it came from, e.g. {@code PATH entry /usr/bin} or
 *     {@code /root/.pyenv/versions}
 */
public record Candidate(Path path, InterpreterSource source, String origin) {

    @Override
    public String toString() {
        return path + " (" + source.label() + ")";
    }

    // equals and hashCode written out: see Tag.equals
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Candidate c && Objects.equals(path, c.path) && source == c.source
                && Objects.equals(origin, c.origin);
    }

    @Override
    public int hashCode() {
        return (Objects.hashCode(path) * 31 + Objects.hashCode(source)) * 31 + Objects.hashCode(origin);
    }
}
