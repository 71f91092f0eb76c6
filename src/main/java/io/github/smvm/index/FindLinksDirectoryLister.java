package io.github.smvm.index;

import java.io.IOException;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lists a find-links directory, as pip's {@code _FlatDirectorySource} does: every regular file
 * directly in the directory (not recursively) is a file, except {@code .html}/{@code .htm} files,
 * which are read as find-links pages whose links are added. Unlike pip, files are not filtered by
 * being valid wheel/sdist names here: the caller parses names. Entries are sorted by name.
 */
public final class FindLinksDirectoryLister {

    private FindLinksDirectoryLister() {
    }

    public static ProjectPage list(Path dir, long maxBytes) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(d)) {
            for (Path p : stream) {
                entries.add(p);
            }
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        List<IndexFile> files = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Path p : entries) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            URI uri = p.toUri();
            String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
            if (lower.endsWith(".html") || lower.endsWith(".htm")) {
                String html = FileIndexClient.readText(p, maxBytes);
                if (html == null) {
                    warnings.add("skipped " + uri + ": exceeds the size limit of " + maxBytes + " bytes");
                    continue;
                }
                ProjectPage page = FindLinksHtmlParser.parse(uri, html);
                files.addAll(page.files());
                warnings.addAll(page.warnings());
                continue;
            }
            try {
                files.add(IndexFile.plain(Urls.fileName(uri), uri));
            } catch (IllegalArgumentException e) {
                warnings.add("skipped " + uri + ": " + e.getMessage());
            }
        }
        return new ProjectPage("", d.toUri(), files, warnings);
    }
}
