package io.github.smvm.pep440;

/** A string is not a valid PEP 440 version specifier (or comma-separated set of them). */
public class InvalidSpecifierException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    public InvalidSpecifierException(String input, String message) {
        super(message);
        this.input = input;
    }

    /** The text that failed to parse. */
    public String input() {
        return input;
    }
}
