package io.github.smvm.requirements;

import java.util.List;
import java.util.Objects;

/**
 * Everything read from a set of requirements files.
 *
 * @param requirements requirement lines in reading order (includes expanded in place)
 * @param constraints  lines of constraints files ({@code -c}), in reading order
 * @param options      the global options
 * @param warnings     things pip accepts but that are ignored or odd, each starting with its place
 */
public record RequirementInputs(
        List<RequirementEntry> requirements,
        List<RequirementEntry> constraints,
        PipOptions options,
        List<String> warnings) {

    public RequirementInputs {
        requirements = List.copyOf(requirements);
        constraints = List.copyOf(constraints);
        Objects.requireNonNull(options, "options");
        warnings = List.copyOf(warnings);
    }
}
