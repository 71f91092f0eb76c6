package io.github.smvm.dist;

import io.github.smvm.pep440.Version;
import java.util.HashMap;
import java.util.Map;

/**
 * The parts of one page's file names that repeat, parsed once: a project's files share one name part
 * and a few dozen version texts over hundreds of files. Not thread-safe; use one per page, on one
 * thread. {@link #NONE} keeps nothing and may be shared.
 */
public final class FilenameMemo {

    /** A memo that remembers nothing: every call parses. */
    public static final FilenameMemo NONE = new FilenameMemo(false);

    /** Remembers an invalid name part (compared by identity; a valid name part may normalise to "") */
    private static final String NOT_A_NAME = new String("not a wheel name");

    private final boolean keep;
    private final Map<String, Version> versions;
    private final Map<String, String> wheelNames;

    private FilenameMemo(boolean keep) {
        this.keep = keep;
        this.versions = keep ? new HashMap<>() : null;
        this.wheelNames = keep ? new HashMap<>() : null;
    }

    /** A new, empty memo. */
    public static FilenameMemo create() {
        return new FilenameMemo(true);
    }

    /** {@link Version#parse(String)}, remembered; an invalid text throws every time. */
    Version version(String text) {
        if (!keep) {
            return Version.parse(text);
        }
        Version known = versions.get(text);
        if (known == null) {
            known = Version.parse(text);
            versions.put(text, known);
        }
        return known;
    }

    /**
     * The normalised project name of a wheel's name part, remembered, or {@code null} if the part is not
     * a valid wheel name (then the caller reports it).
     */
    String wheelName(String namePart) {
        if (!keep) {
            return WheelFilename.wheelName(namePart);
        }
        String known = wheelNames.get(namePart);
        if (known == null) {
            String name = WheelFilename.wheelName(namePart);
            known = name == null ? NOT_A_NAME : name;
            wheelNames.put(namePart, known);
        }
        return known == NOT_A_NAME ? null : known;
    }
}
