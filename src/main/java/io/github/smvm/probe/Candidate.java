package io.github.smvm.probe;

import java.nio.file.Path;

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
}
