package io.github.smvm.policy;

import java.util.Set;

/**
 * The thresholds that turn per-environment results into a verdict.
 *
 * @param threshold the lowest ratio of available requirements at which an environment is healthy, in [0, 1]
 * @param critical normalised names that must be available for an environment to be healthy
 * @param ignore normalised names left out of the ratio
 * @param onDegraded what to do when only the fallback is healthy
 * @param failOnError whether a complete failure fails the build (otherwise it warns)
 */
public record PolicySettings(double threshold, Set<String> critical, Set<String> ignore, OnDegraded onDegraded,
        boolean failOnError) {

    public PolicySettings {
        if (Double.isNaN(threshold) || threshold < 0.0 || threshold > 1.0) {
            throw new IllegalArgumentException(
                    "threshold " + threshold + " is outside [0, 1]: use a ratio such as 0.9 (90% of requirements available)");
        }
        critical = Set.copyOf(critical);
        ignore = Set.copyOf(ignore);
        if (onDegraded == null) {
            throw new IllegalArgumentException("onDegraded must be set: fallback, warn or fail");
        }
    }
}
