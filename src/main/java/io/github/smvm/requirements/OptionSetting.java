package io.github.smvm.requirements;

import java.util.Objects;

/**
 * One global option exactly as a requirements file set it.
 *
 * @param option the option's long name, for example {@code --index-url} (also when written as
 *               {@code -i} or abbreviated)
 * @param value  its value as written after environment expansion, {@code null} for flags such as
 *               {@code --pre}
 * @param origin where it was set
 */
public record OptionSetting(String option, String value, RequirementSource origin) {
    public OptionSetting {
        Objects.requireNonNull(option, "option");
        Objects.requireNonNull(origin, "origin");
    }
}
