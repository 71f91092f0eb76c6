package io.github.smvm.index;

/** An HTTP request that produced no usable response. The message holds no credentials. */
public final class TransportException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * What kind of failure. {@code IO} and {@code TIMEOUT} are worth retrying; {@code RETRIES_EXHAUSTED}
     * is a 429/5xx status that outlasted every retry; {@code OFFLINE} is a request that was not made
     * because the build is offline; {@code INVALID_URL} a URL the HTTP client cannot request;
     * {@code PROXY_AUTHENTICATION} a proxy that answered 407.
     */
    public enum Kind {
        TIMEOUT, TOO_LARGE, REDIRECT_LOOP, TOO_MANY_REDIRECTS, BAD_REDIRECT, IO, INTERRUPTED, RETRIES_EXHAUSTED,
        OFFLINE, INVALID_URL, PROXY_AUTHENTICATION
    }

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
