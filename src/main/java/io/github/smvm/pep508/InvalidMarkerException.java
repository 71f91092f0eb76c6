package io.github.smvm.pep508;

/** A PEP 508 environment marker could not be parsed. */
public class InvalidMarkerException extends DependencySyntaxException {

    private static final long serialVersionUID = 1L;

    public InvalidMarkerException(String input, String reason, int spanStart, int spanEnd) {
        super("marker", input, reason, spanStart, spanEnd);
    }
}
