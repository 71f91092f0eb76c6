package io.github.smvm.process;

import java.util.List;

/** The process could not be spawned: the program does not exist or is not executable. */
public final class ProcessStartException extends ProcessException {

    private static final long serialVersionUID = 1L;

    public ProcessStartException(List<String> command, Throwable cause) {
        super(command, "could not start " + ProcessResult.quote(command)
                + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
    }
}
