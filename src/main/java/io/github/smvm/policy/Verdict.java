package io.github.smvm.policy;

import java.util.Locale;

/**
 * The decision for the build.
 *
 * @param status the overall wheel status
 * @param selected the interpreter the build goes on with, or {@code null} when it goes on with none
 * @param fallbackRequired whether the primary interpreter is not healthy
 * @param fallbackReason why the primary was not enough, or {@code null} when it was
 * @param action what the build does: proceed, warn, or fail
 */
public record Verdict(WheelStatus status, Selected selected, boolean fallbackRequired, FallbackReason fallbackReason,
        Action action) {

    /** The report's {@code wheel_status} values. */
    public enum WheelStatus {
        PRIMARY_HEALTHY, FALLBACK_AVAILABLE, COMPLETE_FAILURE, ASSESSMENT_FAILED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The report's {@code fallback_reason} values. */
    public enum FallbackReason {
        MISSING_WHEELS_PRIMARY, PRIMARY_UNAVAILABLE, MISSING_WHEELS_BOTH;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The report's {@code selected_python} values. */
    public enum Selected {
        PRIMARY, FALLBACK;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the build does. */
    public enum Action {
        PROCEED, WARN, FAIL
    }
}
