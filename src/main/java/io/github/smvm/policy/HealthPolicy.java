package io.github.smvm.policy;

import io.github.smvm.policy.Verdict.Action;
import io.github.smvm.policy.Verdict.FallbackReason;
import io.github.smvm.policy.Verdict.Selected;
import io.github.smvm.policy.Verdict.WheelStatus;
import io.github.smvm.selection.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns per-environment outcomes into health, and the primary's and fallback's health into a verdict. */
public final class HealthPolicy {

    private final PolicySettings settings;

    public HealthPolicy(PolicySettings settings) {
        this.settings = settings;
    }

    /** The health of one environment from its top-level outcomes. */
    public EnvironmentHealth health(List<PackageOutcome> outcomes) {
        int checked = 0;
        int available = 0;
        List<String> failed = new ArrayList<>();
        Set<String> availableNames = new LinkedHashSet<>();
        for (PackageOutcome outcome : outcomes) {
            if (outcome.status().isAvailable()) {
                availableNames.add(outcome.name());
            }
            if (outcome.status() == Status.SKIPPED || settings.ignore().contains(outcome.name())) {
                continue;
            }
            checked++;
            if (outcome.status().isAvailable()) {
                available++;
            } else {
                failed.add(outcome.name());
            }
        }
        List<String> missingCritical = settings.critical().stream()
                .filter(name -> !availableNames.contains(name))
                .sorted()
                .toList();
        double ratio = checked == 0 ? 1.0 : (double) available / checked;
        boolean healthy = ratio >= settings.threshold() && missingCritical.isEmpty();
        return new EnvironmentHealth(checked, available, failed, missingCritical, ratio, healthy);
    }

    /**
     * Decides from the primary's and the fallback's health; {@code null} stands for an interpreter that is
     * unavailable.
     */
    public Verdict decide(EnvironmentHealth primary, EnvironmentHealth fallback) {
        if (primary != null && primary.healthy()) {
            return new Verdict(WheelStatus.PRIMARY_HEALTHY, Selected.PRIMARY, false, null, Action.PROCEED);
        }
        if (fallback != null && fallback.healthy()) {
            FallbackReason reason = primary == null ? FallbackReason.PRIMARY_UNAVAILABLE
                    : FallbackReason.MISSING_WHEELS_PRIMARY;
            return switch (settings.onDegraded()) {
                case FALLBACK -> new Verdict(WheelStatus.FALLBACK_AVAILABLE, Selected.FALLBACK, true, reason,
                        Action.PROCEED);
                case WARN -> new Verdict(WheelStatus.FALLBACK_AVAILABLE,
                        primary == null ? Selected.FALLBACK : Selected.PRIMARY, true, reason, Action.WARN);
                case FAIL -> new Verdict(WheelStatus.FALLBACK_AVAILABLE, null, true, reason, Action.FAIL);
            };
        }
        FallbackReason reason = primary == null ? FallbackReason.PRIMARY_UNAVAILABLE
                : FallbackReason.MISSING_WHEELS_BOTH;
        return new Verdict(WheelStatus.COMPLETE_FAILURE, null, true, reason,
                settings.failOnError() ? Action.FAIL : Action.WARN);
    }
}
