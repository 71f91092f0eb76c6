package io.github.smvm.process;

import java.util.List;

/** Base of the typed failures of a {@link ProcessRunner}. */
public abstract sealed class ProcessException extends Exception
        permits ProcessStartException, ProcessTimeoutException, ProcessInterruptedException {

    private static final long serialVersionUID = 1L;

    private final List<String> command;

    ProcessException(List<String> command, String message, Throwable cause) {
        super(message, cause);
        this.command = List.copyOf(command);
    }

    /** The argument list that was run. */
    public List<String> command() {
        return command;
    }
}
