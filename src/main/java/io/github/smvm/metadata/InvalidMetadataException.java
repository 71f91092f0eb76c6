package io.github.smvm.metadata;

/** Core metadata that cannot be read; the message names the file and the line. */
public class InvalidMetadataException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidMetadataException(String message) {
        super(message);
    }
}
