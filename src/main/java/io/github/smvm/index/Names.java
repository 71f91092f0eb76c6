package io.github.smvm.index;

import java.util.Locale;

/** PEP 503 name normalisation. */
final class Names {

    private Names() {
    }

    static String normalise(String name) {
        return io.github.smvm.pep508.Names.normalize(name.strip());
    }

    /**
     * Whether a file (by name) may belong to the project {@code normalisedName}. Cheap and
     * conservative: it never rejects a file that pip would attribute to the project.
     *
     * <ul>
     *   <li>wheels ({@code .whl}): the part before the first {@code -}, normalised, must equal the
     *       name (a wheel's distribution part never contains {@code -});
     *   <li>anything else (sdists, unknown archives): with a known archive extension removed, some
     *       {@code -} in the name must have a prefix that normalises to the name. This is pip's own
     *       rule ({@code _find_name_version_sep}); the caller then checks the version part.
     * </ul>
     */
    static boolean mayBelongTo(String fileName, String normalisedName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".whl")) {
            int dash = fileName.indexOf('-');
            return dash > 0 && normalise(fileName.substring(0, dash)).equals(normalisedName);
        }
        String stem = fileName;
        for (String ext : ARCHIVE_EXTENSIONS) {
            if (lower.endsWith(ext)) {
                stem = fileName.substring(0, fileName.length() - ext.length());
                break;
            }
        }
        for (int i = stem.indexOf('-'); i > 0; i = stem.indexOf('-', i + 1)) {
            if (normalise(stem.substring(0, i)).equals(normalisedName)) {
                return true;
            }
        }
        return false;
    }

    /** pip's archive extensions other than .whl, longest first where one ends another. */
    private static final java.util.List<String> ARCHIVE_EXTENSIONS = java.util.List.of(
            ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tar.lzma", ".tar.lz", ".tlz", ".tar", ".zip");
}
