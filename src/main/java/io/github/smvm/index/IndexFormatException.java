package io.github.smvm.index;

/** An index page that cannot be understood (malformed JSON, unsupported API version...). */
public final class IndexFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public IndexFormatException(String message) {
        super(message);
    }

    public IndexFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
