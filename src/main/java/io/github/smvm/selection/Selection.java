package io.github.smvm.selection;

import io.github.smvm.pep440.Version;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of choosing a file for one requirement in one environment.
 *
 * @param status one of {@link Status#WHEEL}, {@link Status#OLDER_WHEEL}, {@link Status#SDIST_ONLY},
 *     {@link Status#NO_WHEEL}, {@link Status#NO_VERSION}
 * @param chosen the wheel pip would install, or {@code null}
 * @param reason why the status is not {@code wheel}, one line; {@code null} for {@code wheel}
 * @param suggestion what would work instead, or {@code null}
 * @param newestAllowed the newest version the requirement allows in this environment, of any file type,
 *     or {@code null} when none
 * @param newestAllowedWheels the tag sets of the wheels published for {@code newestAllowed}, whatever
 *     their platform ({@code cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64}), sorted; empty
 *     when it has none or there is no such version
 * @param newestCompatible the newest version, whatever the specifier, with a wheel this environment
 *     accepts (yanked files left out; a pre-release only when there is no final release), or {@code null}
 */
public record Selection(Status status, Candidate chosen, String reason, String suggestion, Version newestAllowed,
        List<String> newestAllowedWheels, Version newestCompatible) {

    public Selection {
        Objects.requireNonNull(status, "status");
        if (status.isAvailable() != (chosen != null)) {
            throw new IllegalArgumentException("status " + status + " and chosen " + chosen + " disagree");
        }
        newestAllowedWheels = newestAllowedWheels == null ? List.of() : List.copyOf(newestAllowedWheels);
    }

    /** A selection without the facts on which wheels exist. */
    public Selection(Status status, Candidate chosen, String reason, String suggestion, Version newestAllowed) {
        this(status, chosen, reason, suggestion, newestAllowed, List.of(), null);
    }

    /** This selection with the facts on which wheels exist. */
    public Selection withAvailability(List<String> newestAllowedWheels, Version newestCompatible) {
        return new Selection(status, chosen, reason, suggestion, newestAllowed, newestAllowedWheels, newestCompatible);
    }
}
