package io.github.smvm.requirements;

import java.nio.file.Path;

/**
 * A requirement input (requirements file, pyproject.toml, pylock.toml, the pom's packages) that
 * cannot be read. The message starts with the place ({@code file:line[:column]: }) when known.
 */
public class RequirementsFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final int column;

    /**
     * @param file   the file, or {@code null} (pom)
     * @param line   1-based, {@code 0} when unknown
     * @param column 1-based, {@code 0} when unknown
     * @param what   what is wrong and what would be valid
     */
    public RequirementsFileException(Path file, int line, int column, String what) {
        this(file, line, column, what, null);
    }

    public RequirementsFileException(Path file, int line, int column, String what, Throwable cause) {
        super(place(file, line, column) + what, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** An error whose place is a {@link RequirementSource} (its description is the prefix). */
    public RequirementsFileException(RequirementSource origin, String what) {
        super(origin.description() + ": " + what);
        this.file = origin.file();
        this.line = origin.line();
        this.column = 0;
    }

    private static String place(Path file, int line, int column) {
        if (file == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(file.toString());
        if (line > 0) {
            b.append(':').append(line);
            if (column > 0) {
                b.append(':').append(column);
            }
        }
        return b.append(": ").toString();
    }

    /** The file, or {@code null}. */
    public Path file() {
        return file;
    }

    /** 1-based line, {@code 0} when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, {@code 0} when unknown. */
    public int column() {
        return column;
    }
}
