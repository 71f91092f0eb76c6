package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One file listed by an index page or a find-links source.
 *
 * <p>A file read from a page link whose text needs no cleaning is made with its URL and hashes still
 * unread ({@link #linked}): a page lists a hundred files or more, and only the few that are chosen are
 * ever fetched, so the link is resolved (and its fragment read) when {@link #url()} or {@link #hashes()}
 * is first asked. Such a link cannot fail to resolve, and its file name is read from it as resolving would
 * give it; the answers are the ones an eagerly made file has. Equality and the text form are a record's
 * over the eight values below.
 */
public final class IndexFile {

    private final String filename;
    private final String requiresPython;
    private final boolean yanked;
    private final String yankedReason;
    private final boolean coreMetadata;
    private final Map<String, String> coreMetadataHashes;
    /** The link still to resolve, and its base; null once resolved (or never lazy). */
    private URI base;
    private String href;
    private volatile URI url;
    private volatile Map<String, String> hashes;

    /**
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
    public IndexFile(String filename, URI url, Map<String, String> hashes, String requiresPython, boolean yanked,
            String yankedReason, boolean coreMetadata, Map<String, String> coreMetadataHashes) {
        this(filename, requiresPython, yanked, yankedReason, coreMetadata, coreMetadataHashes);
        this.url = Objects.requireNonNull(url, "url");
        this.hashes = hashes == null ? Map.of() : Map.copyOf(hashes);
    }

    private IndexFile(String filename, String requiresPython, boolean yanked, String yankedReason, boolean coreMetadata,
            Map<String, String> coreMetadataHashes) {
        this.filename = Objects.requireNonNull(filename, "filename");
        this.requiresPython = requiresPython;
        this.yanked = yanked;
        this.yankedReason = yankedReason;
        this.coreMetadata = coreMetadata;
        this.coreMetadataHashes = coreMetadataHashes == null ? Map.of() : Map.copyOf(coreMetadataHashes);
    }

    /**
     * A file from a link that {@link FileLinks#lazyFilename} accepted: {@code href} is resolved against
     * {@code base} by {@link FileLinks#resolve}, as every other link is, when its URL or hashes are first asked.
     */
    static IndexFile linked(String filename, URI base, String href, String requiresPython, boolean yanked,
            String yankedReason, boolean coreMetadata, Map<String, String> coreMetadataHashes) {
        IndexFile file = new IndexFile(filename, requiresPython, yanked, yankedReason, coreMetadata, coreMetadataHashes);
        file.base = Objects.requireNonNull(base, "base");
        file.href = Objects.requireNonNull(href, "href");
        return file;
    }

    /** A plain file with no index metadata (find-links directories). */
    public static IndexFile plain(String filename, URI url) {
        return new IndexFile(filename, url, Map.of(), null, false, null, false, Map.of());
    }

    /** The last path segment of {@link #url()}, percent-decoded; never empty, never a path separator or {@code ..}. */
    public String filename() {
        return filename;
    }

    /** The absolute URL of the file, without fragment (hashes from the fragment are in {@link #hashes()}). */
    public URI url() {
        URI known = url;
        if (known == null) {
            resolve();
            known = url;
        }
        return known;
    }

    /** Hash algorithm (lower-case, e.g. {@code sha256}) to hex digest. */
    public Map<String, String> hashes() {
        Map<String, String> known = hashes;
        if (known == null) {
            resolve();
            known = hashes;
        }
        return known;
    }

    private synchronized void resolve() {
        if (url != null) {
            return;
        }
        List<String> warnings = new ArrayList<>();
        FileLinks.Resolved resolved = FileLinks.resolve(base, href, warnings);
        if (resolved == null) { // lazyFilename takes only links that resolve
            throw new IllegalStateException("the link " + href + " did not resolve: " + warnings);
        }
        hashes = Map.copyOf(resolved.hashes());
        url = resolved.url();
        base = null;
        href = null;
    }

    /** The {@code Requires-Python} specifier, HTML-unescaped, or {@code null}. */
    public String requiresPython() {
        return requiresPython;
    }

    /** Whether the file is yanked (PEP 592). */
    public boolean yanked() {
        return yanked;
    }

    /** The reason given, or {@code null} when none (or empty) was given. */
    public String yankedReason() {
        return yankedReason;
    }

    /** Whether the index serves the core metadata at {@code url + ".metadata"} (PEP 658 / PEP 714). */
    public boolean coreMetadata() {
        return coreMetadata;
    }

    /** Hashes of that metadata file, possibly empty. */
    public Map<String, String> coreMetadataHashes() {
        return coreMetadataHashes;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof IndexFile f && filename.equals(f.filename) && url().equals(f.url())
                && hashes().equals(f.hashes()) && Objects.equals(requiresPython, f.requiresPython) && yanked == f.yanked
                && Objects.equals(yankedReason, f.yankedReason) && coreMetadata == f.coreMetadata
                && coreMetadataHashes.equals(f.coreMetadataHashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(filename, url(), hashes(), requiresPython, yanked, yankedReason, coreMetadata,
                coreMetadataHashes);
    }

    @Override
    public String toString() {
        return "IndexFile[filename=" + filename + ", url=" + url() + ", hashes=" + hashes() + ", requiresPython="
                + requiresPython + ", yanked=" + yanked + ", yankedReason=" + yankedReason + ", coreMetadata="
                + coreMetadata + ", coreMetadataHashes=" + coreMetadataHashes + "]";
    }
}
