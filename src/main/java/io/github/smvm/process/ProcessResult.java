package io.github.smvm.process;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The outcome of a process that ran to its end (whatever its exit code).
 *
 * @param command the argument list
 * @param exitCode the exit code
 * @param stdout standard output, decoded; only the first {@link ProcessSpec#maxOutputBytes()}
 * @param stderr standard error, decoded; only the first {@link ProcessSpec#maxOutputBytes()}
 * @param stdoutTruncated whether stdout was longer than the cap
 * @param stderrTruncated whether stderr was longer than the cap
 * @param duration wall-clock time from start to exit
 */
public record ProcessResult(
        List<String> command,
        int exitCode,
        String stdout,
        String stderr,
        boolean stdoutTruncated,
        boolean stderrTruncated,
        Duration duration) {

    private static final Pattern SAFE_ARG = Pattern.compile("[A-Za-z0-9_@%+=:,./\\\\-]+");

    public ProcessResult {
        command = List.copyOf(command);
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** A multi-line description for error messages: arguments, exit code and both streams. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append("command: ").append(quote(command)).append('\n');
        sb.append("exit code: ").append(exitCode).append(" (after ").append(formatDuration(duration))
                .append(")\n");
        appendStream(sb, "stdout", stdout, stdoutTruncated);
        appendStream(sb, "stderr", stderr, stderrTruncated);
        return sb.toString();
    }

    private static void appendStream(StringBuilder sb, String name, String text, boolean truncated) {
        if (text.isEmpty()) {
            sb.append(name).append(": (empty)\n");
            return;
        }
        sb.append(name).append(truncated ? " (truncated)" : "").append(":\n").append(indent(text));
        if (!text.endsWith("\n")) {
            sb.append('\n');
        }
    }

    /** Renders an argument list for humans, quoting arguments that need it. Not for a shell. */
    public static String quote(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String arg : command) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            if (SAFE_ARG.matcher(arg).matches()) {
                sb.append(arg);
            } else {
                sb.append('\'').append(arg.replace("'", "'\\''")).append('\'');
            }
        }
        return sb.toString();
    }

    static String indent(String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\\R", -1)) {
            sb.append("    ").append(line).append('\n');
        }
        // drop the indentation of the empty last line produced by a trailing newline
        String s = sb.toString();
        return s.endsWith("    \n") ? s.substring(0, s.length() - 5) : s;
    }

    static String formatDuration(Duration d) {
        if (d == null) {
            return "?";
        }
        long ms = d.toMillis();
        return ms < 1000 ? ms + " ms" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
