package io.github.smvm.dist;

/** A file name is not a valid wheel file name (PEP 427 / binary distribution format). */
public class InvalidWheelFilenameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String filename;

    public InvalidWheelFilenameException(String filename, String reason, Throwable cause) {
        super("Invalid wheel filename '" + filename + "': " + reason + "; expected"
                + " {name}-{version}[-{build tag}]-{python tag}-{abi tag}-{platform tag}.whl, for example"
                + " numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.whl", cause);
        this.filename = filename;
    }

    public String filename() {
        return filename;
    }
}
