package io.github.smvm.pep508;

/**
 * A PEP 508 requirement or marker could not be parsed. {@link #reason()} and the 0-based span
 * {@link #spanStart()}..{@link #spanEnd()} are the same as packaging's {@code ParserSyntaxError}.
 * The message quotes the input, says what was expected and at which column (1-based), and draws
 * the span under the input.
 */
public abstract class DependencySyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;
    private final String reason;
    private final int spanStart;
    private final int spanEnd;

    protected DependencySyntaxException(String what, String input, String reason, int spanStart, int spanEnd) {
        super("Invalid " + what + " '" + input + "': " + reason + " at column " + (spanStart + 1) + "\n    " + input
                + "\n    " + " ".repeat(spanStart) + "~".repeat(Math.max(0, spanEnd - spanStart)) + "^");
        this.input = input;
        this.reason = reason;
        this.spanStart = spanStart;
        this.spanEnd = spanEnd;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }

    /** What was wrong, e.g. {@code Expected end or semicolon (after version specifier)}. */
    public String reason() {
        return reason;
    }

    /** 0-based start of the offending span. */
    public int spanStart() {
        return spanStart;
    }

    /** 0-based end of the offending span (the caret position). */
    public int spanEnd() {
        return spanEnd;
    }
}
