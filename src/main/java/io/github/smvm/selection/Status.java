package io.github.smvm.selection;

import java.util.Locale;

/** The outcome for one requirement in one environment, as the {@code assess} report names it. */
public enum Status {
    /** The newest allowed version has a compatible wheel. */
    WHEEL(true),
    /** Only an older allowed version has a compatible wheel: {@code --only-binary} installs it, plain pip would build the newer one. */
    OLDER_WHEEL(true),
    /** Allowed versions exist, but only as source distributions. */
    SDIST_ONLY(false),
    /** No compatible file at all. */
    NO_WHEEL(false),
    /** Nothing satisfies the specifier, requires-python and yanked rules. */
    NO_VERSION(false),
    /** The index has no such project. */
    NOT_FOUND(false),
    /** The index could not be read. */
    ERROR(false),
    /** The requirement's markers are false for the environment. */
    SKIPPED(false);

    private final boolean available;

    Status(boolean available) {
        this.available = available;
    }

    /** Whether the requirement installs from a wheel in this environment. */
    public boolean isAvailable() {
        return available;
    }

    /** The lower-case name used in reports, e.g. {@code sdist_only}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
