package io.github.smvm.probe;

/** A candidate that answered the probe. */
public record FoundInterpreter(Candidate candidate, InterpreterInfo info) {

    /**
     * The executable to run from now on: the interpreter's own {@code sys.executable} (a pyenv shim
     * resolves to the concrete binary; a venv keeps its own launcher), or the probed path when the
     * interpreter did not report one.
     */
    public java.nio.file.Path executable() {
        return info.executable() != null ? info.executable() : candidate.path();
    }

    /** {@code 3.12.1 from pyenv at /root/.pyenv/versions/3.12.1/bin/python}. */
    public String describe() {
        return info.version() + (info.freeThreaded() ? " (free-threaded)" : "") + " from "
                + candidate.source().label() + " at " + candidate.path();
    }
}
