package io.github.smvm.assess;

import io.github.smvm.selection.Status;
import java.util.List;
import java.util.Objects;

/**
 * The outcome for one requirement in one environment, as the report lists it.
 *
 * @param requirement the requirement as written (for a dependency: the {@code Requires-Dist} value)
 * @param name the normalised project name
 * @param version the chosen version, or {@code null}
 * @param wheel the chosen wheel's file name, or {@code null}
 * @param reason one line on why the status is not {@code wheel}/{@code skipped}, or {@code null}
 * @param suggestion what would work instead, or {@code null}
 * @param via for a dependency, the chain of names from the top-level requirement down to it; empty for
 *     a top-level requirement
 * @param dependencies for a top-level requirement, its transitive dependencies (each once, by the
 *     shortest chain); empty for a dependency
 */
public record PackageResult(String requirement, String name, Status status, String version, String wheel,
        String reason, String suggestion, List<String> via, List<PackageResult> dependencies) {

    public PackageResult {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        via = List.copyOf(via);
        dependencies = List.copyOf(dependencies);
    }
}
