package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses a PEP 503 simple-repository project page (HTML), read as pip reads it: with the rules of
 * Python's {@code html.parser} ({@link HtmlLinks}); a construct left open at the end of the page
 * (a tag without {@code >}, an unterminated quote or comment) ends the reading there. Every
 * {@code <a href>} is a file; the file name is the last path segment of the resolved URL.
 *
 * <p>Relative links resolve against the first {@code <base href>} (itself resolved against the page
 * URL) or else the page URL; tabs and line breaks in an href are dropped, as pip's urljoin does.
 * When an attribute repeats, the last value counts (pip's dict of the attributes). Attributes:
 * <ul>
 *   <li>{@code data-requires-python}: unescaped once, by the HTML reading, as pip 22 and later do
 *       (pip up to 21.x unescaped it a second time);
 *   <li>{@code data-yanked} with a value, also an empty one: yanked, the non-empty value being the
 *       reason. Without a value ({@code <a … data-yanked>}) it is not yanked: PEP 592 says its
 *       presence is enough, but pip, whose html.parser gives such an attribute as {@code None}, reads
 *       it as not yanked, and pip is what installs;
 *   <li>{@code data-core-metadata}, falling back to {@code data-dist-info-metadata}: {@code true},
 *       or {@code <hashname>=<hex>}; any other value means "available, no hash", as pip does, with
 *       a warning; without a value the attribute counts as absent, as in pip.
 * </ul>
 * A {@code <meta name="pypi:repository-version">} with a major version other than 1 is rejected.
 */
public final class Pep503HtmlParser {

    private Pep503HtmlParser() {
    }

    /** Parses a page; the project name is taken from the page URL's last path segment. */
    public static ProjectPage parse(URI pageUrl, String html) throws IndexFormatException {
        return parse(FileLinks.projectFromUrl(pageUrl), pageUrl, html);
    }

    /** Parses a page for the given project (the name is normalised). */
    public static ProjectPage parse(String project, URI pageUrl, String html) throws IndexFormatException {
        HtmlLinks.Page page = HtmlLinks.scan(html);
        List<String> warnings = new ArrayList<>();
        if (page.repositoryVersion() != null) {
            ApiVersion.check(page.repositoryVersion(), "page " + Urls.redactSecrets(pageUrl), warnings);
        }
        List<IndexFile> files = links(page, pageUrl, warnings);
        return new ProjectPage(Names.normalise(project), pageUrl, files, warnings);
    }

    static List<IndexFile> links(HtmlLinks.Page page, URI pageUrl, List<String> warnings) {
        if (page.error() != null) {
            warnings.add("stopped reading the page: " + page.error() + " (pip fails on this page)");
        }
        URI base = pageUrl;
        String baseHref = withoutTabsAndNewlines(page.baseHref());
        if (baseHref != null && !baseHref.isEmpty()) {
            try {
                base = pageUrl.resolve(Urls.parseLenient(baseHref));
            } catch (IllegalArgumentException e) {
                warnings.add("ignored unparseable <base href>: " + e.getMessage());
            }
        }
        List<IndexFile> files = new ArrayList<>();
        for (Map<String, String> a : page.anchors()) {
            String href = withoutTabsAndNewlines(a.get("href"));
            if (href == null || href.isBlank()) {
                continue;
            }
            // most links are resolved only if their file is chosen (IndexFile.linked); the others now
            String lazyName = FileLinks.lazyFilename(href);
            FileLinks.Resolved r = lazyName != null ? null : FileLinks.resolve(base, href, warnings);
            if (lazyName == null && r == null) {
                continue;
            }
            String filename = lazyName != null ? lazyName : r.filename();
            String requiresPython = null;
            String rp = a.get("data-requires-python");
            if (rp != null) {
                String v = rp.strip();
                requiresPython = v.isEmpty() ? null : v;
            }
            // as pip: only a data-yanked with a value (also "") means yanked
            String yankedValue = a.get("data-yanked");
            boolean yanked = yankedValue != null;
            String yankedReason = yanked && !yankedValue.isEmpty() ? yankedValue : null;
            // as pip: an attribute without a value counts as absent (html.parser gives None)
            String metaAttr = a.get("data-core-metadata") != null ? a.get("data-core-metadata")
                    : a.get("data-dist-info-metadata");
            boolean coreMetadata = metaAttr != null;
            Map<String, String> metaHashes = Map.of();
            if (metaAttr != null && !metaAttr.equals("true")) {
                int eq = metaAttr.indexOf('=');
                if (eq >= 0) {
                    metaHashes = FileLinks.supportedHashes(
                            Map.of(metaAttr.substring(0, eq), metaAttr.substring(eq + 1)));
                } else {
                    warnings.add(filename + ": invalid core-metadata attribute value '" + metaAttr
                            + "', treated as available without hash (as pip does)");
                }
            }
            if (lazyName != null) {
                files.add(IndexFile.linked(filename, base, href, requiresPython, yanked, yankedReason, coreMetadata,
                        metaHashes));
            } else {
                files.add(new IndexFile(filename, r.url(), r.hashes(), requiresPython, yanked, yankedReason,
                        coreMetadata, metaHashes));
            }
        }
        return files;
    }

    /**
     * Removes tabs, carriage returns and line feeds anywhere in a URL, as pip's {@code urljoin}
     * ({@code urlsplit}) and the WHATWG URL parser do: an href broken over lines still names the file.
     */
    static String withoutTabsAndNewlines(String url) {
        if (url == null || (url.indexOf('\n') < 0 && url.indexOf('\r') < 0 && url.indexOf('\t') < 0)) {
            return url;
        }
        StringBuilder sb = new StringBuilder(url.length());
        for (int k = 0; k < url.length(); k++) {
            char c = url.charAt(k);
            if (c != '\n' && c != '\r' && c != '\t') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

}
