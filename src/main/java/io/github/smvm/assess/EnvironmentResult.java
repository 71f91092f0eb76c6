package io.github.smvm.assess;

import java.util.List;

/** Every top-level requirement's outcome in one environment (none when the environment is unavailable). */
public record EnvironmentResult(AssessedEnvironment environment, List<PackageResult> packages) {

    public EnvironmentResult {
        packages = List.copyOf(packages);
    }
}
