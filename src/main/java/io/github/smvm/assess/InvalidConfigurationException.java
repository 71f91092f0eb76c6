package io.github.smvm.assess;

/** A configuration value the library cannot use; {@link #parameter()} names it for the caller's message. */
public class InvalidConfigurationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public InvalidConfigurationException(String parameter, String message, Throwable cause) {
        super(message, cause);
        this.parameter = parameter;
    }

    /** The parameter's name as the goals call it, e.g. {@code targets}. */
    public String parameter() {
        return parameter;
    }
}
