package io.github.smvm.requirements;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The shape of a requirement's text, decided from the text alone (no file system access).
 *
 * <p>pip accepts, besides PEP 508 strings, a bare URL or a bare path to a project directory,
 * wheel or sdist; those have no name until the file is inspected.
 */
public enum RequirementKind {
    /** A PEP 508 string with a project name, including {@code name @ url}. */
    NAMED,
    /** A bare URL such as {@code https://host/pkg-1.0-py3-none-any.whl} or {@code git+https://...}. */
    URL,
    /** A bare local path such as {@code ./dist/pkg-1.0.tar.gz} or {@code .}. */
    PATH;

    private static final Pattern URL_START = Pattern.compile(
            "^(?:[A-Za-z][A-Za-z0-9+.-]*://|file:|(?:git|hg|svn|bzr)\\+[A-Za-z]+:)");
    private static final String[] ARCHIVE_SUFFIXES = {
        ".whl", ".tar.gz", ".tgz", ".tar", ".zip", ".tar.bz2", ".tbz", ".tar.xz", ".txz", ".tlz", ".tar.lz", ".tar.lzma"
    };

    /** Classifies a requirement text (already stripped of options and comments). */
    public static RequirementKind of(String text) {
        String t = text.strip();
        if (URL_START.matcher(t).find()) {
            return URL;
        }
        // The part that would be the name (or the path): up to a marker, extras or whitespace.
        int end = t.length();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == ';' || c == '@' || Character.isWhitespace(c)) {
                end = i;
                break;
            }
        }
        String head = t.substring(0, end);
        if (head.startsWith(".") || head.indexOf('/') >= 0 || head.indexOf('\\') >= 0) {
            return PATH;
        }
        String lower = head.toLowerCase(Locale.ROOT);
        for (String suffix : ARCHIVE_SUFFIXES) {
            if (lower.endsWith(suffix)) {
                return PATH;
            }
        }
        return NAMED;
    }
}
