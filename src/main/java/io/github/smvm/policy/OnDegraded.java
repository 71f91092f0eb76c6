package io.github.smvm.policy;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What the build does when the primary interpreter is not healthy but the fallback is. */
public enum OnDegraded {
    /** Go on with the fallback interpreter selected. */
    FALLBACK,
    /** Go on with the primary interpreter and warn. */
    WARN,
    /** Fail the build. */
    FAIL;

    /** Parses {@code fallback}, {@code warn} or {@code fail} (any case). */
    public static OnDegraded parse(String text) {
        String value = text == null ? "" : text.trim().toUpperCase(Locale.ROOT);
        for (OnDegraded candidate : values()) {
            if (candidate.name().equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not a valid value: expected one of "
                + Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
