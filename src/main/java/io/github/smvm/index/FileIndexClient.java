package io.github.smvm.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A simple index on the local file system ({@code file://} index URL): the page of a project is
 * {@code <root>/<normalised-name>/index.html}, HTML only.
 *
 * <p>This follows pip: for a {@code file:} URL that is a directory pip appends {@code index.html}
 * ({@code collector._get_index_content}); there is no standard file name for PEP 691 JSON, so pip
 * reads only HTML. A project directory without {@code index.html}, or no project directory, makes
 * pip skip the page ("Could not fetch URL", its local adapter answers 404): here that is
 * {@link ProjectResult.NotFound}. The directory is not listed as a fallback.
 */
public final class FileIndexClient extends CachingIndexClient {

    private final Path root;
    private final long maxBytes;

    public FileIndexClient(Path root, IndexOptions options) {
        super(options);
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.maxBytes = options.maxBytes();
    }

    @Override
    public URI location() {
        return root.toUri();
    }

    @Override
    ProjectResult load(String name) {
        Path dir = root.resolve(name).normalize();
        if (!dir.startsWith(root)) {
            return new ProjectResult.Failed(location(), "invalid project name '" + name + "'");
        }
        if (!Files.isDirectory(dir)) {
            return new ProjectResult.NotFound(dir.toUri());
        }
        Path index = dir.resolve("index.html");
        if (!Files.isRegularFile(index)) {
            return new ProjectResult.NotFound(index.toUri());
        }
        URI pageUrl = index.toUri();
        try {
            String html = readText(index, maxBytes);
            if (html == null) {
                return new ProjectResult.Failed(pageUrl, pageUrl + " exceeds the size limit of " + maxBytes + " bytes");
            }
            return new ProjectResult.Found(Pep503HtmlParser.parse(name, pageUrl, html));
        } catch (IOException e) {
            return new ProjectResult.Failed(pageUrl, "cannot read " + pageUrl + ": " + e);
        } catch (IndexFormatException e) {
            return new ProjectResult.Failed(pageUrl, e.getMessage());
        }
    }

    /** Reads a UTF-8 file of at most {@code maxBytes}; {@code null} if larger. */
    static String readText(Path file, long maxBytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = JdkHttpTransport.readCapped(in, maxBytes);
            return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
