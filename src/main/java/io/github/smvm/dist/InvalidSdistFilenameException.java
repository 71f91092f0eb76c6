package io.github.smvm.dist;

/** A file name is not a valid source distribution file name. */
public class InvalidSdistFilenameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String filename;

    public InvalidSdistFilenameException(String filename, String reason, Throwable cause) {
        super("Invalid sdist filename '" + filename + "': " + reason
                + "; expected {name}-{version}.tar.gz or {name}-{version}.zip, for example requests-2.32.3.tar.gz", cause);
        this.filename = filename;
    }

    public String filename() {
        return filename;
    }
}
