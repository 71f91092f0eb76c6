package io.github.smvm.index;

/** Core metadata that could not be obtained; {@link #kind()} says why. No credentials in messages. */
public final class MetadataException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the metadata could not be obtained. */
    public enum Kind {
        /** The file, the {@code .metadata} file or the METADATA entry does not exist. */
        NOT_FOUND,
        /** The wheel is not a readable zip, or its dist-info layout is wrong. */
        MALFORMED_ZIP,
        /** A downloaded file does not match the hash the index gave. */
        HASH_MISMATCH,
        /** Over the size limit. */
        TOO_LARGE,
        /** Not a wheel, or a zip feature we do not read (encryption, compression method...). */
        UNSUPPORTED,
        /** Transport or file-system failure, or an unexpected HTTP status. */
        IO
    }

    private final Kind kind;

    public MetadataException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public MetadataException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
