package io.github.smvm.process;

import java.util.List;

/** The waiting thread was interrupted; the process tree was killed. */
public final class ProcessInterruptedException extends ProcessException {

    private static final long serialVersionUID = 1L;

    public ProcessInterruptedException(List<String> command, InterruptedException cause) {
        super(command, "interrupted while waiting for " + ProcessResult.quote(command)
                + "; the process was killed", cause);
    }
}
