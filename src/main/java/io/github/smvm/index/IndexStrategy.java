package io.github.smvm.index;

import java.util.Locale;

/** How a project found on more than one index is read. */
public enum IndexStrategy {

    /**
     * Only the files of the first index that has the project (uv's default). Indexes are asked in
     * priority order; find-links locations always add their files.
     */
    FIRST_INDEX("first-index"),

    /** The files of every index that has the project, merged (pip's behaviour). */
    UNSAFE_MERGE("unsafe-merge");

    private final String id;

    IndexStrategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the accepted values */
    public static IndexStrategy parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (IndexStrategy s : values()) {
            if (s.id.equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an index strategy: use first-index (the default) "
                + "or unsafe-merge");
    }
}
