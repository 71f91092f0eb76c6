package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackDecisionTest {

    private static final AssessmentSummary.Interpreter PRIMARY = new AssessmentSummary.Interpreter("/py312", "3.12.1");
    private static final AssessmentSummary.Interpreter FALLBACK = new AssessmentSummary.Interpreter("/py311", "3.11.7");
    private static final AssessmentSummary.Interpreter MISSING = new AssessmentSummary.Interpreter(null, null);

    private static AssessmentSummary summary(String status, String selected, String reason,
            AssessmentSummary.Interpreter primary, AssessmentSummary.Interpreter fallback) {
        return new AssessmentSummary(Instant.parse("2026-11-22T10:00:00Z"), status, selected, reason, primary, fallback,
                List.of("primary: fastcalc: no_wheel - fastcalc 2.1 has no wheel for cp312"));
    }

    @Test
    void buildsOnTheFallbackWhenTheAssessmentSelectedIt() {
        FallbackDecision d = FallbackDecision.decide(summary("fallback_available", "fallback", "missing_wheels_primary",
                PRIMARY, FALLBACK), false, true, null);
        assertEquals("fallback", d.role());
        assertEquals(FALLBACK, d.interpreter());
        assertEquals(FallbackDecision.FALLBACK_SUCCESSFUL, d.event());
        assertEquals("missing_wheels_primary", d.reason());
    }

    @Test
    void restoresThePrimaryWhenTheEnvironmentIsOnTheFallbackAndThePrimaryIsHealthy() {
        AssessmentSummary healthy = summary("primary_healthy", "primary", null, PRIMARY, FALLBACK);
        FallbackDecision restore = FallbackDecision.decide(healthy, false, true, "3.11.7");
        assertEquals("primary", restore.role());
        assertEquals(FallbackDecision.PRIMARY_RESTORED, restore.event());
        assertEquals("primary_healthy", restore.reason());

        FallbackDecision keep = FallbackDecision.decide(healthy, false, false, "3.11.7");
        assertEquals("fallback", keep.role());
        assertEquals("primary_restore_disabled", keep.reason());

        FallbackDecision fresh = FallbackDecision.decide(healthy, false, true, null);
        assertEquals(FallbackDecision.BUILT, fresh.event());
        assertEquals(FallbackDecision.BUILT, FallbackDecision.decide(healthy, false, true, "3.12.1").event());
    }

    @Test
    void forceBuildsOnTheFallbackWhateverTheAssessmentSays() {
        FallbackDecision d = FallbackDecision.decide(summary("primary_healthy", "primary", null, PRIMARY, FALLBACK),
                true, true, null);
        assertEquals("fallback", d.role());
        assertEquals("forced", d.reason());
        FallbackDecision.Refused e = assertThrows(FallbackDecision.Refused.class, () -> FallbackDecision.decide(
                summary("primary_healthy", "primary", null, PRIMARY, MISSING), true, true, null));
        assertTrue(e.getMessage().contains("the fallback interpreter is unavailable"), e.getMessage());
    }

    @Test
    void completeFailureIsRefusedWithTheFailingPackagesAndTheNextStep() {
        FallbackDecision.Refused e = assertThrows(FallbackDecision.Refused.class, () -> FallbackDecision.decide(
                summary("complete_failure", null, "missing_wheels_both", PRIMARY, FALLBACK), false, true, null));
        assertTrue(e.getMessage().contains("  primary: fastcalc: no_wheel - fastcalc 2.1 has no wheel for cp312\n"),
                e.getMessage());
        assertTrue(e.getMessage().contains("mvn smvm:vendor-report"), e.getMessage());
    }

    @Test
    void noSelectionIsRefused() {
        FallbackDecision.Refused e = assertThrows(FallbackDecision.Refused.class, () -> FallbackDecision.decide(
                summary("fallback_available", null, "missing_wheels_primary", PRIMARY, FALLBACK), false, true, null));
        assertTrue(e.getMessage().startsWith("The assessment selected no interpreter"), e.getMessage());
        assertThrows(FallbackDecision.Refused.class, () -> FallbackDecision.decide(
                summary("assessment_failed", null, null, MISSING, MISSING), false, true, null));
    }
}
