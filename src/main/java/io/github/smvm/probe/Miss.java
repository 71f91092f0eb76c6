package io.github.smvm.probe;

/** A candidate that turned out not to be a usable interpreter, and why. */
public record Miss(Candidate candidate, ProbeException reason) {

    /** {@code /root/.pyenv/shims/python3.12 (PATH): pyenv shim, version not selected: ...}. */
    public String describe() {
        return candidate + ": " + reason.shortReason();
    }
}
