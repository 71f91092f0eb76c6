package io.github.smvm.assess;

import java.util.Locale;

/** What an environment stands for in an assessment. */
public enum Role {
    PRIMARY, FALLBACK, TARGET;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
