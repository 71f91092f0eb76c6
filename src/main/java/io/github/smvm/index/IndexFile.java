package io.github.smvm.index;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * One file listed by an index page or a find-links source.
 *
 * @param filename the last path segment of {@code url}, percent-decoded; never empty, never
 *     containing a path separator or {@code ..}
 * @param url absolute URL of the file, without fragment (hashes from the fragment are in {@code hashes})
 * @param hashes hash algorithm (lower-case, e.g. {@code sha256}) to hex digest
 * @param requiresPython the {@code Requires-Python} specifier, HTML-unescaped, or {@code null}
 * @param yanked whether the file is yanked (PEP 592)
 * @param yankedReason the reason given, or {@code null} when none (or empty) was given
 * @param coreMetadata whether the index serves the core metadata at {@code url + ".metadata"}
 *     (PEP 658 / PEP 714)
 * @param coreMetadataHashes hashes of that metadata file, possibly empty
 */
public record IndexFile(
        String filename,
        URI url,
        Map<String, String> hashes,
        String requiresPython,
        boolean yanked,
        String yankedReason,
        boolean coreMetadata,
        Map<String, String> coreMetadataHashes) {

    public IndexFile {
        Objects.requireNonNull(filename, "filename");
        Objects.requireNonNull(url, "url");
        hashes = hashes == null ? Map.of() : Map.copyOf(hashes);
        coreMetadataHashes = coreMetadataHashes == null ? Map.of() : Map.copyOf(coreMetadataHashes);
    }

    /** A plain file with no index metadata (find-links directories). */
    public static IndexFile plain(String filename, URI url) {
        return new IndexFile(filename, url, Map.of(), null, false, null, false, Map.of());
    }
}
