package io.github.smvm.selection;

import io.github.smvm.pep440.Version;
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
 */
public record Selection(Status status, Candidate chosen, String reason, String suggestion, Version newestAllowed) {

    public Selection {
        Objects.requireNonNull(status, "status");
        if (status.isAvailable() != (chosen != null)) {
            throw new IllegalArgumentException("status " + status + " and chosen " + chosen + " disagree");
        }
    }
}
