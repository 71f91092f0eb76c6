package io.github.smvm.pep508;

/**
 * A marker parsed but cannot be evaluated, where packaging raises too: an undefined variable, a
 * comparison without meaning ({@code ~=} or {@code ===} on non-versions), or a version operator
 * whose environment value is not a PEP 440 version (e.g. {@code platform_release >= "5"} with
 * release {@code 5.15.0-91-generic}).
 */
public class MarkerEvaluationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public MarkerEvaluationException(String message, Throwable cause) {
        super(message, cause);
    }
}
