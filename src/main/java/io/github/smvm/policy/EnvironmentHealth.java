package io.github.smvm.policy;

import java.util.List;

/**
 * How one environment fares.
 *
 * @param checked requirements counted (neither skipped by markers nor ignored)
 * @param available of those, how many install from wheels
 * @param failed names of the counted requirements that do not, in input order
 * @param missingCritical critical names that are not available (including ones not checked at all)
 * @param ratio {@code available / checked}, or 1 when nothing was checked
 * @param healthy {@code ratio >= threshold} and no critical package missing
 */
public record EnvironmentHealth(int checked, int available, List<String> failed, List<String> missingCritical,
        double ratio, boolean healthy) {

    public EnvironmentHealth {
        failed = List.copyOf(failed);
        missingCritical = List.copyOf(missingCritical);
    }
}
