package io.github.smvm.probe;

/** A candidate that answered the probe. */
public record FoundInterpreter(Candidate candidate, InterpreterInfo info) {

    /** {@code 3.12.1 from pyenv at /root/.pyenv/versions/3.12.1/bin/python}. */
    public String describe() {
        return info.version() + (info.freeThreaded() ? " (free-threaded)" : "") + " from "
                + candidate.source().label() + " at " + candidate.path();
    }
}
