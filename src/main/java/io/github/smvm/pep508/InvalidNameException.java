package io.github.smvm.pep508;

/** A project or extra name is not valid under PEP 508. */
public class InvalidNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String input;

    public InvalidNameException(String input, String message) {
        super(message);
        this.input = input;
    }

    public String input() {
        return input;
    }
}
