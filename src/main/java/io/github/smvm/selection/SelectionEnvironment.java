package io.github.smvm.selection;

import io.github.smvm.pep440.Version;
import io.github.smvm.tags.SupportedTags;
import java.util.Objects;

/**
 * What file selection needs to know about an environment: its supported tags and the Python version
 * that {@code Requires-Python} is checked against (major.minor.micro, as pip uses).
 *
 * @param description how messages name the environment, e.g. {@code cp312 manylinux_2_36_x86_64}
 */
public record SelectionEnvironment(SupportedTags tags, Version pythonVersion, String description) {

    public SelectionEnvironment {
        Objects.requireNonNull(tags, "tags");
        Objects.requireNonNull(pythonVersion, "pythonVersion");
        Objects.requireNonNull(description, "description");
    }
}
