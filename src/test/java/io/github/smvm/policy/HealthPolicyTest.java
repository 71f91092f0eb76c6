package io.github.smvm.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.policy.Verdict.Action;
import io.github.smvm.policy.Verdict.FallbackReason;
import io.github.smvm.policy.Verdict.Selected;
import io.github.smvm.policy.Verdict.WheelStatus;
import io.github.smvm.selection.Status;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HealthPolicyTest {

    private static HealthPolicy policy(double threshold, OnDegraded onDegraded) {
        return new HealthPolicy(new PolicySettings(threshold, Set.of(), Set.of(), onDegraded, true));
    }

    private static List<PackageOutcome> outcomes(Status... statuses) {
        PackageOutcome[] result = new PackageOutcome[statuses.length];
        for (int i = 0; i < statuses.length; i++) {
            result[i] = new PackageOutcome("p" + i, statuses[i]);
        }
        return List.of(result);
    }

    @Test
    void ratioExcludesSkippedRequirementsAndCountsOlderWheelsAsAvailable() {
        EnvironmentHealth health = policy(0.9, OnDegraded.FALLBACK)
                .health(outcomes(Status.WHEEL, Status.OLDER_WHEEL, Status.SKIPPED, Status.SDIST_ONLY));
        assertEquals(3, health.checked());
        assertEquals(2, health.available());
        assertEquals(List.of("p3"), health.failed());
        assertEquals(2.0 / 3, health.ratio(), 1e-12);
        assertFalse(health.healthy());
    }

    @Test
    void ratioEqualToThresholdIsHealthy() {
        EnvironmentHealth health = policy(0.75, OnDegraded.FALLBACK)
                .health(outcomes(Status.WHEEL, Status.WHEEL, Status.WHEEL, Status.NO_WHEEL));
        assertEquals(0.75, health.ratio());
        assertTrue(health.healthy());
    }

    @Test
    void environmentWithNothingToCheckIsHealthy() {
        EnvironmentHealth health = policy(1.0, OnDegraded.FALLBACK).health(outcomes(Status.SKIPPED));
        assertEquals(0, health.checked());
        assertEquals(1.0, health.ratio());
        assertTrue(health.healthy());
    }

    @Test
    void ignoredPackagesLeaveTheRatio() {
        HealthPolicy policy = new HealthPolicy(
                new PolicySettings(1.0, Set.of(), Set.of("p1"), OnDegraded.FALLBACK, true));
        EnvironmentHealth health = policy.health(outcomes(Status.WHEEL, Status.NOT_FOUND));
        assertEquals(1, health.checked());
        assertTrue(health.healthy());
    }

    @Test
    void missingCriticalPackageMakesEnvironmentUnhealthyWhateverTheRatio() {
        HealthPolicy policy = new HealthPolicy(
                new PolicySettings(0.0, Set.of("p1", "absent"), Set.of(), OnDegraded.FALLBACK, true));
        EnvironmentHealth health = policy.health(outcomes(Status.WHEEL, Status.NO_WHEEL));
        assertEquals(List.of("absent", "p1"), health.missingCritical());
        assertFalse(health.healthy());
    }

    @Test
    void healthyPrimaryIsSelected() {
        HealthPolicy policy = policy(0.9, OnDegraded.FAIL);
        EnvironmentHealth good = policy.health(outcomes(Status.WHEEL));
        assertEquals(new Verdict(WheelStatus.PRIMARY_HEALTHY, Selected.PRIMARY, false, null, Action.PROCEED),
                policy.decide(good, null));
    }

    @Test
    void degradedPrimaryFlipsToFallbackByDefault() {
        HealthPolicy policy = policy(0.9, OnDegraded.FALLBACK);
        EnvironmentHealth bad = policy.health(outcomes(Status.NO_WHEEL));
        EnvironmentHealth good = policy.health(outcomes(Status.WHEEL));
        Verdict verdict = policy.decide(bad, good);
        assertEquals(new Verdict(WheelStatus.FALLBACK_AVAILABLE, Selected.FALLBACK, true,
                FallbackReason.MISSING_WHEELS_PRIMARY, Action.PROCEED), verdict);
    }

    @Test
    void degradedPrimaryWithWarnGoesOnWithPrimary() {
        HealthPolicy policy = policy(0.9, OnDegraded.WARN);
        Verdict verdict = policy.decide(policy.health(outcomes(Status.NO_WHEEL)), policy.health(outcomes(Status.WHEEL)));
        assertEquals(Selected.PRIMARY, verdict.selected());
        assertEquals(Action.WARN, verdict.action());
    }

    @Test
    void degradedPrimaryWithFailFailsAndSelectsNothing() {
        HealthPolicy policy = policy(0.9, OnDegraded.FAIL);
        Verdict verdict = policy.decide(policy.health(outcomes(Status.NO_WHEEL)), policy.health(outcomes(Status.WHEEL)));
        assertEquals(WheelStatus.FALLBACK_AVAILABLE, verdict.status());
        assertNull(verdict.selected());
        assertEquals(Action.FAIL, verdict.action());
    }

    @Test
    void unavailablePrimaryIsNamedAsTheReason() {
        HealthPolicy policy = policy(0.9, OnDegraded.WARN);
        Verdict verdict = policy.decide(null, policy.health(outcomes(Status.WHEEL)));
        assertEquals(FallbackReason.PRIMARY_UNAVAILABLE, verdict.fallbackReason());
        assertEquals(Selected.FALLBACK, verdict.selected());
    }

    @Test
    void neitherHealthyIsCompleteFailureThatFailsUnlessToldOtherwise() {
        HealthPolicy failing = policy(0.9, OnDegraded.FALLBACK);
        EnvironmentHealth bad = failing.health(outcomes(Status.ERROR));
        assertEquals(new Verdict(WheelStatus.COMPLETE_FAILURE, null, true, FallbackReason.MISSING_WHEELS_BOTH,
                Action.FAIL), failing.decide(bad, bad));
        HealthPolicy lenient = new HealthPolicy(
                new PolicySettings(0.9, Set.of(), Set.of(), OnDegraded.FALLBACK, false));
        assertEquals(Action.WARN, lenient.decide(bad, null).action());
        assertEquals(FallbackReason.PRIMARY_UNAVAILABLE, lenient.decide(null, null).fallbackReason());
    }

    @Test
    void rejectsThresholdOutsideUnitInterval() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new PolicySettings(1.5, Set.of(), Set.of(), OnDegraded.FAIL, true));
        assertEquals("threshold 1.5 is outside [0, 1]: use a ratio such as 0.9 (90% of requirements available)",
                error.getMessage());
    }

    @Test
    void parsesOnDegradedAndListsValidValuesOnError() {
        assertEquals(OnDegraded.WARN, OnDegraded.parse(" Warn "));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> OnDegraded.parse("abort"));
        assertEquals("'abort' is not a valid value: expected one of fallback, warn, fail", error.getMessage());
    }
}
