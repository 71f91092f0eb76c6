package io.github.smvm.index;

import java.util.List;

/** PEP 629 / PEP 691 repository API version checks. */
final class ApiVersion {

    /**
     * The highest 1.x minor version whose meaning we know (1.1 PEP 700, 1.2 PEP 708, 1.3 PEP 740,
     * 1.4 PEP 792). All of them only add keys that we can ignore.
     */
    static final int SUPPORTED_MINOR = 4;

    private ApiVersion() {
    }

    /**
     * Checks an API version: a major version other than 1 is an error, a minor version above
     * {@link #SUPPORTED_MINOR} a warning (PEP 629: "warn if the minor version is greater").
     */
    static void check(String version, String where, List<String> warnings) throws IndexFormatException {
        String v = version.strip();
        String[] parts = v.split("\\.");
        int major;
        int minor;
        try {
            major = Integer.parseInt(parts[0]);
            minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        } catch (NumberFormatException e) {
            throw new IndexFormatException(where + " has an unparseable API version '" + v + "'");
        }
        if (parts.length > 2 || major < 0 || minor < 0) {
            throw new IndexFormatException(where + " has an unparseable API version '" + v + "'");
        }
        if (major != 1) {
            throw new IndexFormatException(where + " uses repository API version " + v
                    + ", but only major version 1 is supported");
        }
        if (minor > SUPPORTED_MINOR) {
            warnings.add(where + " uses repository API version " + v + ", newer than the supported 1."
                    + SUPPORTED_MINOR + "; reading it as 1." + SUPPORTED_MINOR);
        }
    }
}
