package io.github.smvm.index;

/** An HTTP request that produced no usable response. The message holds no credentials. */
public final class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /** What kind of failure. */
    public enum Kind { TIMEOUT, TOO_LARGE, REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_REDIRECT, IO, INTERRUPTED }

    private final Kind kind;

    public TransportException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
