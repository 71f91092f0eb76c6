package io.github.smvm.pep508;

/** A PEP 508 dependency specifier could not be parsed. */
public class InvalidRequirementException extends DependencySyntaxException {

    private static final long serialVersionUID = 1L;

    public InvalidRequirementException(String input, String reason, int spanStart, int spanEnd) {
        super("requirement", input, reason, spanStart, spanEnd);
    }
}
