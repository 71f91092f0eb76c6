package io.github.smvm.assess;

import io.github.smvm.pep440.SpecifierSet;
import io.github.smvm.pep508.MarkerEnvironment;
import io.github.smvm.pep508.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How requirements are checked.
 *
 * @param transitive follow the dependencies of each chosen wheel. This reads each chosen wheel's metadata,
 *     whose {@code Requires-Python} pip checks as well (a wheel it excludes gives way to the next version);
 *     without it only the {@code Requires-Python} the index lists is known
 * @param allowPrereleases pip's {@code --pre}
 * @param constraints constraint requirements ({@code -c} files): their specifiers narrow every requirement of
 *     the same project whose environment their markers accept, as pip applies constraints
 */
public record AssessmentOptions(boolean transitive, boolean allowPrereleases, List<Requirement> constraints) {

    public AssessmentOptions {
        constraints = List.copyOf(constraints);
    }

    /** The specifier narrowed by the constraints on the same project that apply in this environment. */
    SpecifierSet constrained(String project, SpecifierSet specifier, MarkerEnvironment environment) {
        List<String> parts = new ArrayList<>();
        if (!specifier.isEmpty()) {
            parts.add(specifier.toString());
        }
        for (Requirement constraint : constraints) {
            if (constraint.normalizedName().equals(project) && !constraint.specifier().isEmpty()
                    && (constraint.marker().isEmpty() || constraint.marker().get().evaluate(environment, ""))) {
                parts.add(constraint.specifier().toString());
            }
        }
        // with no constraint that applies, the requirement's own specifier as it is (not parsed again)
        return parts.size() == (specifier.isEmpty() ? 0 : 1) ? specifier : SpecifierSet.parse(String.join(",", parts));
    }

    static AssessmentOptions defaults() {
        return new AssessmentOptions(true, false, List.of());
    }

    @Override
    public String toString() {
        return "transitive=" + transitive + ", pre=" + allowPrereleases + ", constraints=" + Objects.toString(constraints);
    }
}
