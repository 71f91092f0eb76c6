package io.github.smvm.assess;

import io.github.smvm.selection.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * @param newestVersion the newest version the requirement allows in this environment (any file type),
 *     or {@code null} when none or unknown
 * @param newestVersionWheels the tag sets of the wheels published for {@code newestVersion}, whatever
 *     their platform; empty when none or unknown
 * @param compatibleVersion the newest version, whatever the specifier, with a wheel this environment
 *     accepts, or {@code null} when none or unknown
 * @param projectUrls the {@code Project-URL}s (and {@code Home-page}) of the chosen wheel's metadata,
 *     label to URL; empty when no metadata was read
 * @param indexWarnings the project is on more than one index (dependency-confusion risk): which, and
 *     which were used; and what reading its pages skipped or doubted (a link with an unsafe file name, an
 *     unknown API minor version, a source that could not be read while another had the project); empty otherwise
 */
public record PackageResult(String requirement, String name, Status status, String version, String wheel,
        String reason, String suggestion, List<String> via, List<PackageResult> dependencies,
        String newestVersion, List<String> newestVersionWheels, String compatibleVersion,
        Map<String, String> projectUrls, List<String> indexWarnings) {

    public PackageResult {
        Objects.requireNonNull(requirement, "requirement");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        via = List.copyOf(via);
        dependencies = List.copyOf(dependencies);
        newestVersionWheels = newestVersionWheels == null ? List.of() : List.copyOf(newestVersionWheels);
        projectUrls = projectUrls == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(projectUrls));
        indexWarnings = indexWarnings == null ? List.of() : List.copyOf(indexWarnings);
    }

    /** A result with no index warnings. */
    public PackageResult(String requirement, String name, Status status, String version, String wheel,
            String reason, String suggestion, List<String> via, List<PackageResult> dependencies,
            String newestVersion, List<String> newestVersionWheels, String compatibleVersion,
            Map<String, String> projectUrls) {
        this(requirement, name, status, version, wheel, reason, suggestion, via, dependencies, newestVersion,
                newestVersionWheels, compatibleVersion, projectUrls, List.of());
    }

    /** A result without the facts on which wheels exist (a locked package, a direct reference, ...). */
    public PackageResult(String requirement, String name, Status status, String version, String wheel,
            String reason, String suggestion, List<String> via, List<PackageResult> dependencies) {
        this(requirement, name, status, version, wheel, reason, suggestion, via, dependencies, null, List.of(), null,
                Map.of(), List.of());
    }
}
