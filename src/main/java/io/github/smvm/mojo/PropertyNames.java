package io.github.smvm.mojo;

/** The user properties the goals read; every one starts with {@code smvm.}. */
final class PropertyNames {
    static final String SKIP = "smvm.skip";
    static final String INTERPRETERS_SKIP = "smvm.interpreters.skip";
    static final String PRIMARY = "smvm.primary";
    static final String FALLBACK = "smvm.fallback";
    static final String PROBE_TIMEOUT = "smvm.probeTimeout";
    static final String OUTPUT_DIRECTORY = "smvm.outputDirectory";

    private PropertyNames() {}
}
