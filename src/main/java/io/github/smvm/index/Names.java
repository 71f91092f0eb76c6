package io.github.smvm.index;

import java.util.Locale;
import java.util.regex.Pattern;

/** PEP 503 name normalisation. */
final class Names {

    private static final Pattern SEPARATORS = Pattern.compile("[-_.]+");

    private Names() {
    }

    static String normalise(String name) {
        return SEPARATORS.matcher(name.strip()).replaceAll("-").toLowerCase(Locale.ROOT);
    }

    /**
     * Whether a file (by name) may belong to the project {@code normalisedName}. Cheap and
     * conservative: it never rejects a file that pip would attribute to the project.
     *
     * <ul>
     *   <li>wheels ({@code .whl}): the part before the first {@code -}, normalised, must equal the
     *       name (a wheel's distribution part never contains {@code -});
     *   <li>anything else (sdists, unknown archives): the normalised file name must start with the
     *       normalised name followed by {@code -}. This is a superset of what pip accepts, because pip
     *       looks for a {@code -} such that the normalised prefix equals the project name.
     * </ul>
     */
    static boolean mayBelongTo(String fileName, String normalisedName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            int dash = fileName.indexOf('-');
            return dash > 0 && normalise(fileName.substring(0, dash)).equals(normalisedName);
        }
        return normalise(fileName).startsWith(normalisedName + "-");
    }
}
