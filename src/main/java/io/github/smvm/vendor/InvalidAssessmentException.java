package io.github.smvm.vendor;

/** The assessment report cannot be used: its message says what was found and what was expected. */
public final class InvalidAssessmentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidAssessmentException(String message) {
        super(message);
    }
}
