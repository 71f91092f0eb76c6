package io.github.smvm.pipconfig;

/** pip's configuration cannot be read as pip would read it; the message names the file (and line) or variable. */
public final class PipConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public PipConfigException(String message) {
        super(message);
    }

    public PipConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
