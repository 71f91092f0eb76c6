package io.github.smvm.fallback;

/**
 * Which interpreter the environment is built on, and what the log calls the run when it succeeds.
 * Pure: decided from the assessment, the options and the environment that exists.
 *
 * @param role {@code primary} or {@code fallback}
 * @param event the log event for a successful build: {@code wheel_fallback_successful},
 *     {@code primary_restored} or {@code environment_built}
 * @param reason why, for the log: the assessment's {@code fallback_reason}, {@code forced},
 *     {@code primary_healthy} or {@code primary_restore_disabled}
 */
public record FallbackDecision(String role, AssessmentSummary.Interpreter interpreter, String event, String reason) {

    public static final String FALLBACK_SUCCESSFUL = "wheel_fallback_successful";
    public static final String FALLBACK_FAILED = "wheel_fallback_failed";
    public static final String PRIMARY_RESTORED = "primary_restored";
    public static final String UP_TO_DATE = "environment_up_to_date";
    public static final String BUILT = "environment_built";

    /** The assessment does not allow an environment to be built; the message says why and what to do. */
    public static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Refused(String message) {
            super(message);
        }
    }

    /**
     * @param force build on the fallback whatever the assessment says
     * @param restorePrimary rebuild on the primary when the environment is on the fallback and the
     *     primary is healthy again
     * @param existingVersion the Python version of the environment at the venv path, or {@code null}
     */
    public static FallbackDecision decide(AssessmentSummary assessment, boolean force, boolean restorePrimary,
            String existingVersion) {
        AssessmentSummary.Interpreter primary = assessment.primary();
        AssessmentSummary.Interpreter fallback = assessment.fallback();
        if (force) {
            if (!fallback.available()) {
                throw new Refused("smvm.fallback.force is set, but the fallback interpreter is unavailable: "
                        + "install it or point <fallback> at one (mvn smvm:interpreters lists what is found)");
            }
            return new FallbackDecision("fallback", fallback, FALLBACK_SUCCESSFUL, "forced");
        }
        switch (assessment.wheelStatus()) {
            case "complete_failure" -> throw new Refused("Neither interpreter installs the requirements from "
                    + "wheels (complete_failure), so no environment is built.\n" + lines(assessment)
                    + "Next: mvn smvm:vendor-report to ask the vendors for wheels, or -Dsmvm.fallback.force=true to "
                    + "try the fallback anyway");
            case "assessment_failed" -> throw new Refused("The assessment could not run (assessment_failed), so "
                    + "no environment is built. Fix what mvn smvm:assess reports first.");
            default -> { }
        }
        String selected = assessment.selected();
        if ("fallback".equals(selected)) {
            return new FallbackDecision("fallback", require(fallback, "fallback"), FALLBACK_SUCCESSFUL,
                    assessment.fallbackReason() == null ? "missing_wheels_primary" : assessment.fallbackReason());
        }
        if ("primary".equals(selected)) {
            boolean onFallback = existingVersion != null && fallback.available()
                    && existingVersion.equals(fallback.version()) && !existingVersion.equals(primary.version());
            if (onFallback && !restorePrimary) {
                return new FallbackDecision("fallback", fallback, FALLBACK_SUCCESSFUL, "primary_restore_disabled");
            }
            return new FallbackDecision("primary", require(primary, "primary"), onFallback ? PRIMARY_RESTORED : BUILT,
                    assessment.wheelStatus().equals("primary_healthy") ? "primary_healthy"
                            : assessment.fallbackReason());
        }
        throw new Refused("The assessment selected no interpreter (wheel_status " + assessment.wheelStatus()
                + ", onDegraded=fail).\n" + lines(assessment)
                + "Next: -Dsmvm.onDegraded=fallback to go on with the fallback, or mvn smvm:vendor-report");
    }

    private static AssessmentSummary.Interpreter require(AssessmentSummary.Interpreter interpreter, String role) {
        if (!interpreter.available()) {
            throw new Refused("The assessment selected the " + role + " interpreter but recorded no executable for "
                    + "it; run mvn smvm:assess again");
        }
        return interpreter;
    }

    private static String lines(AssessmentSummary assessment) {
        StringBuilder text = new StringBuilder();
        assessment.failing().forEach(line -> text.append("  ").append(line).append('\n'));
        return text.toString();
    }
}
