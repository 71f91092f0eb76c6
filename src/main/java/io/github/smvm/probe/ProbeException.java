package io.github.smvm.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Why an interpreter could not be probed (or found). Every message says what to do about it.
 */
public abstract sealed class ProbeException extends Exception
        permits ProbeException.NotFound, ProbeException.NotExecutable, ProbeException.TimedOut,
        ProbeException.ExitedNonZero, ProbeException.UnexpectedOutput, ProbeException.ReportedError {

    private static final long serialVersionUID = 1L;

    ProbeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A short one-line reason, for lists of misses. */
    public abstract String shortReason();

    /** No interpreter at the path, or none matching the request anywhere we looked. */
    public static final class NotFound extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final String request;
        private final List<String> placesLooked;

        public NotFound(String request, List<String> placesLooked, String advice) {
            super(message(request, placesLooked, advice), null);
            this.request = request;
            this.placesLooked = List.copyOf(placesLooked);
        }

        private static String message(String request, List<String> places, String advice) {
            StringBuilder sb = new StringBuilder("No Python interpreter found for '").append(request)
                    .append("'.");
            if (!places.isEmpty()) {
                sb.append(" Looked in:");
                for (String p : places) {
                    sb.append("\n  - ").append(p);
                }
            }
            sb.append('\n').append(advice == null || advice.isBlank()
                    ? "Install a matching Python or configure the path to its executable explicitly."
                    : advice);
            return sb.toString();
        }

        public String request() {
            return request;
        }

        /** Every place looked at, with what was seen there. */
        public List<String> placesLooked() {
            return placesLooked;
        }

        @Override
        public String shortReason() {
            return "not found";
        }
    }

    /** The file exists but cannot be executed. */
    public static final class NotExecutable extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final Path path;

        public NotExecutable(Path path, Throwable cause) {
            super(path + " exists but cannot be executed"
                    + (cause != null && cause.getMessage() != null ? " (" + cause.getMessage() + ")" : "")
                    + ". Make it executable (chmod +x) or point to the real interpreter binary.", cause);
            this.path = path;
        }

        public Path path() {
            return path;
        }

        @Override
        public String shortReason() {
            return "not executable";
        }
    }

    /** The interpreter did not answer within the timeout and was killed. */
    public static final class TimedOut extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final Path path;
        private final Duration timeout;
        private final String partialStderr;

        public TimedOut(Path path, Duration timeout, String partialStderr, Throwable cause) {
            this(path + " did not answer the probe within " + timeout.toMillis() + " ms and was killed."
                    + (partialStderr == null || partialStderr.isBlank() ? ""
                            : " Its stderr so far:\n" + Prober.abbreviate(partialStderr, 2000))
                    + "\nCheck that it starts from a terminal (`" + path + " -c pass`); on a slow or "
                    + "loaded machine raise the probe timeout.", path, timeout, partialStderr, cause);
        }

        private TimedOut(String message, Path path, Duration timeout, String partialStderr, Throwable cause) {
            super(message, cause);
            this.path = path;
            this.timeout = timeout;
            this.partialStderr = partialStderr == null ? "" : partialStderr;
        }

        /**
         * The waiting thread was interrupted (the build is being cancelled); the interpreter was
         * killed and the thread's interrupt flag is set.
         */
        public static TimedOut interrupted(Path path, Duration timeout, Throwable cause) {
            return new TimedOut("probing " + path + " was interrupted and the interpreter was killed",
                    path, timeout, "", cause);
        }

        public Path path() {
            return path;
        }

        public Duration timeout() {
            return timeout;
        }

        public String partialStderr() {
            return partialStderr;
        }

        @Override
        public String shortReason() {
            return "timed out after " + timeout.toMillis() + " ms";
        }
    }

    /** The interpreter exited with a non-zero code. */
    public static final class ExitedNonZero extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final Path path;
        private final int exitCode;
        private final String stderr;

        public ExitedNonZero(Path path, int exitCode, String stderr, String details) {
            super(message(path, exitCode, stderr, details), null);
            this.path = path;
            this.exitCode = exitCode;
            this.stderr = stderr == null ? "" : stderr;
        }

        private static String message(Path path, int exitCode, String stderr, String details) {
            StringBuilder sb = new StringBuilder();
            sb.append(path).append(" exited with code ").append(exitCode).append(" when probed.");
            if (stderr != null && !stderr.isBlank()) {
                sb.append(" stderr:\n").append(Prober.abbreviate(stderr.strip(), 4000));
            }
            if (isPyenvShimMiss(stderr)) {
                sb.append("\nThis is a pyenv shim for a version that is not selected. Select it with "
                        + "`pyenv global`/`pyenv local`, or use the interpreter under "
                        + "$PYENV_ROOT/versions/<version>/bin directly.");
            } else {
                sb.append("\nRun it by hand to see what is wrong; it must be a working Python "
                        + "interpreter (2.7 or 3.x).");
            }
            if (details != null && !details.isBlank()) {
                sb.append('\n').append(details);
            }
            return sb.toString();
        }

        static boolean isPyenvShimMiss(String stderr) {
            return stderr != null && stderr.contains("pyenv: ") && stderr.contains("command not found");
        }

        public Path path() {
            return path;
        }

        public int exitCode() {
            return exitCode;
        }

        public String stderr() {
            return stderr;
        }

        /** Whether this is a pyenv shim answering "command not found" (a miss, not a broken Python). */
        public boolean isPyenvShimMiss() {
            return isPyenvShimMiss(stderr);
        }

        @Override
        public String shortReason() {
            if (isPyenvShimMiss()) {
                return "pyenv shim, version not selected: " + firstLine(stderr);
            }
            return "exited with code " + exitCode
                    + (stderr.isBlank() ? "" : ": " + firstLine(stderr));
        }
    }

    /** The interpreter ran but did not print the probe's tagged JSON line. */
    public static final class UnexpectedOutput extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final Path path;
        private final String outputStart;

        public UnexpectedOutput(Path path, String output, String problem) {
            super(path + " printed no valid probe result (" + problem + "). Its output began with:\n"
                    + Prober.abbreviate(output == null ? "" : output, 500)
                    + "\nIs this really a Python interpreter? If a sitecustomize or .pth file prints "
                    + "to stdout, that is fine; if it replaces the interpreter, point to the real one.",
                    null);
            this.path = path;
            this.outputStart = Prober.abbreviate(output == null ? "" : output, 500);
        }

        public Path path() {
            return path;
        }

        /** The first 500 characters of what was printed. */
        public String outputStart() {
            return outputStart;
        }

        @Override
        public String shortReason() {
            return "unexpected output: " + firstLine(outputStart);
        }
    }

    /** The probe script ran and reported a known error ({@code "result": "error"}). */
    public static final class ReportedError extends ProbeException {
        private static final long serialVersionUID = 1L;
        private final Path path;
        private final String kind;
        private final String probeMessage;

        public ReportedError(Path path, String kind, String probeMessage) {
            super(path + " cannot be used: " + probeMessage + " (probe error '" + kind + "')."
                    + advice(kind), null);
            this.path = path;
            this.kind = kind;
            this.probeMessage = probeMessage;
        }

        private static String advice(String kind) {
            switch (kind) {
                case "unsupported_python":
                    return " Use Python 2.7 or 3.3 and later.";
                case "broken_stdlib":
                    return " Its standard library is incomplete; reinstall this Python.";
                default:
                    return " This is probably a bug in smvm; please report it with this message.";
            }
        }

        public Path path() {
            return path;
        }

        /** The probe's error kind, e.g. {@code unsupported_python}, {@code broken_stdlib}. */
        public String kind() {
            return kind;
        }

        public String probeMessage() {
            return probeMessage;
        }

        @Override
        public String shortReason() {
            return "probe error " + kind + ": " + firstLine(probeMessage);
        }
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip();
        int nl = t.indexOf('\n');
        return nl < 0 ? t : t.substring(0, nl).strip();
    }
}
