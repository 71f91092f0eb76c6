package io.github.smvm.process;

import java.time.Duration;
import java.util.List;

/** The process did not finish within its timeout; its process tree was killed. */
public final class ProcessTimeoutException extends ProcessException {

    private static final long serialVersionUID = 1L;

    private final Duration timeout;
    private final String partialStdout;
    private final String partialStderr;

    public ProcessTimeoutException(List<String> command, Duration timeout, String partialStdout,
            String partialStderr) {
        super(command, message(command, timeout, partialStderr), null);
        this.timeout = timeout;
        this.partialStdout = partialStdout == null ? "" : partialStdout;
        this.partialStderr = partialStderr == null ? "" : partialStderr;
    }

    private static String message(List<String> command, Duration timeout, String stderr) {
        StringBuilder sb = new StringBuilder();
        sb.append(ProcessResult.quote(command)).append(" did not finish within ")
                .append(ProcessResult.formatDuration(timeout)).append(" and was killed");
        if (stderr != null && !stderr.isBlank()) {
            sb.append("; stderr so far:\n").append(ProcessResult.indent(stderr));
        }
        return sb.toString();
    }

    public Duration timeout() {
        return timeout;
    }

    /** What the process wrote to stdout before it was killed (possibly truncated). */
    public String partialStdout() {
        return partialStdout;
    }

    /** What the process wrote to stderr before it was killed (possibly truncated). */
    public String partialStderr() {
        return partialStderr;
    }
}
