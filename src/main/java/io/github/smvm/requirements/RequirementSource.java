package io.github.smvm.requirements;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a requirement or an option came from.
 *
 * @param file        the file it was read from, or {@code null} when it came from the pom
 * @param line        1-based line; for a logical line continued with {@code \}, its first physical
 *                    line; {@code 0} when the format gives no line (TOML values, the pom)
 * @param description for messages, for example {@code requirements.txt:12},
 *                    {@code pyproject.toml [project] dependencies[3]} or {@code pom <packages>[2]}
 *                    (array indexes are 0-based)
 */
public record RequirementSource(Path file, int line, String description) {

    public RequirementSource {
        Objects.requireNonNull(description, "description");
        if (line < 0) {
            throw new IllegalArgumentException("line must be >= 0: " + line);
        }
    }

    /** A line of a requirements file: the description is {@code file:line}. */
    public static RequirementSource ofLine(Path file, int line) {
        return new RequirementSource(file, line, file + ":" + line);
    }

    @Override
    public String toString() {
        return description;
    }
}
