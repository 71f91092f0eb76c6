package io.github.smvm.index;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One find-links location (pip's {@code --find-links}): a local directory (or {@code file:} URL
 * of one), a local HTML file, a single local archive, or an http(s) URL of an HTML page of links.
 *
 * <p>The location is read once per instance ({@link #listAll()}, cached). {@link #fetchProject}
 * returns the files that may belong to the project by a cheap, conservative name rule (see
 * {@link #filesFor}); the caller still parses each file name. A location with no such file answers
 * {@link ProjectResult.NotFound}.
 */
public final class FindLinksSource extends CachingIndexClient {

    private final URI location;
    private final HttpTransport transport;
    private final long maxBytes;
    private final AtomicReference<java.util.concurrent.CompletableFuture<ProjectResult>> listing =
            new AtomicReference<>();

    public FindLinksSource(String location, HttpTransport transport, IndexOptions options) {
        this(IndexClient.toUri(location), transport, options);
    }

    public FindLinksSource(URI location, HttpTransport transport, IndexOptions options) {
        super(options);
        this.location = Objects.requireNonNull(location, "location");
        this.transport = transport;
        this.maxBytes = options.maxBytes();
    }

    /** The location without user-info. */
    @Override
    public URI location() {
        return Urls.withoutUserInfo(location);
    }

    /**
     * All files of the location, read once. {@link ProjectResult.Found} with project {@code ""},
     * or {@link ProjectResult.NotFound} (missing local path, HTTP 404) or {@link ProjectResult.Failed}.
     */
    public ProjectResult listAll() {
        java.util.concurrent.CompletableFuture<ProjectResult> mine = new java.util.concurrent.CompletableFuture<>();
        if (!listing.compareAndSet(null, mine)) {
            return listing.get().join();
        }
        ProjectResult r = null;
        try {
            r = read();
        } catch (RuntimeException e) {
            r = new ProjectResult.Failed(location(), "unexpected error reading find-links " + Urls.redactSecrets(location)
                    + ": " + e);
        } finally {
            if (r == null) {
                listing.set(null);
                mine.completeExceptionally(new IllegalStateException("reading find-links failed"));
            } else {
                mine.complete(r);
            }
        }
        return r;
    }

    /**
     * The files that may belong to {@code normalisedName}: wheels whose part before the first
     * {@code -} normalises to the name; other files (archive extension removed) with a {@code -}
     * whose prefix normalises to the name, which is pip's rule. Never drops a file pip would
     * attribute to the project; the version part is not checked (so {@code foo-bar-1.0.tar.gz} is
     * kept for {@code foo}, as pip would consider it "foo" version "bar-1.0").
     */
    public static List<IndexFile> filesFor(List<IndexFile> files, String normalisedName) {
        String n = Names.normalise(normalisedName);
        List<IndexFile> out = new ArrayList<>();
        for (IndexFile f : files) {
            if (Names.mayBelongTo(f.filename(), n)) {
                out.add(f);
            }
        }
        return out;
    }

    @Override
    ProjectResult load(String name) {
        ProjectResult all = listAll();
        if (!(all instanceof ProjectResult.Found found)) {
            return all;
        }
        List<IndexFile> matching = filesFor(found.page().files(), name);
        if (matching.isEmpty()) {
            return new ProjectResult.NotFound(found.page().url(), found.page().warnings());
        }
        return new ProjectResult.Found(
                new ProjectPage(name, found.page().url(), matching, found.page().warnings()));
    }

    private ProjectResult read() {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") || scheme.equals("https")) {
            return readHttp();
        }
        if (!scheme.equals("file")) {
            return new ProjectResult.Failed(location(), "unsupported find-links URL scheme '" + scheme + "'");
        }
        Path path;
        try {
            path = Path.of(location);
        } catch (IllegalArgumentException e) {
            return new ProjectResult.Failed(location(), "invalid file URL: " + e.getMessage());
        }
        try {
            if (Files.isDirectory(path)) {
                return new ProjectResult.Found(FindLinksDirectoryLister.list(path, maxBytes));
            }
            if (!Files.isRegularFile(path)) {
                return new ProjectResult.NotFound(location);
            }
            String lower = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".html") || lower.endsWith(".htm")) {
                String html = FileIndexClient.readText(path, maxBytes);
                if (html == null) {
                    return new ProjectResult.Failed(location(), location() + " exceeds the size limit of " + maxBytes
                            + " bytes");
                }
                return new ProjectResult.Found(FindLinksHtmlParser.parse(path.toUri(), html));
            }
            URI uri = path.toUri();
            return new ProjectResult.Found(new ProjectPage("", uri,
                    List.of(IndexFile.plain(Urls.fileName(uri), uri)), List.of()));
        } catch (IOException e) {
            return new ProjectResult.Failed(location(), "cannot read find-links " + location() + ": " + e);
        } catch (IllegalArgumentException e) {
            return new ProjectResult.Failed(location(), e.getMessage());
        }
    }

    private ProjectResult readHttp() {
        if (transport == null) {
            return new ProjectResult.Failed(Urls.withoutUserInfo(location), "no HTTP transport configured");
        }
        HttpTransport.Response r;
        try {
            r = transport.get(location, Map.of("Accept", "text/html"));
        } catch (TransportException e) {
            return new ProjectResult.Failed(Urls.withoutUserInfo(location), e.getMessage());
        }
        if (r.status() == 404) {
            return new ProjectResult.NotFound(r.finalUrl());
        }
        if (!r.isSuccess()) {
            return new ProjectResult.Failed(r.finalUrl(), "HTTP status " + r.status() + " from "
                    + Urls.redactSecrets(r.finalUrl()));
        }
        String type = r.mediaType();
        if (!type.equals("text/html") && !type.equals(HttpIndexClient.HTML_TYPE)) {
            return new ProjectResult.Failed(r.finalUrl(), "unexpected content type '"
                    + r.header("Content-Type").orElse("(none)") + "' from find-links " + Urls.redactSecrets(r.finalUrl())
                    + "; expected text/html");
        }
        Charset cs;
        try {
            cs = r.charset().map(Charset::forName).orElse(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            cs = StandardCharsets.UTF_8;
        }
        return new ProjectResult.Found(FindLinksHtmlParser.parse(r.finalUrl(), new String(r.body(), cs)));
    }
}
