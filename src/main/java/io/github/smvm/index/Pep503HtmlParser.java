package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * Parses a PEP 503 simple-repository project page (HTML). Lenient like browsers and pip: malformed
 * HTML is read as far as it goes. Every {@code <a href>} is a file; the file name is the last path
 * segment of the resolved URL.
 *
 * <p>Relative links resolve against the first {@code <base href>} (itself resolved against the page
 * URL) or else the page URL. Attributes: {@code data-requires-python} (HTML-unescaped once more
 * after parsing, as pip does), {@code data-yanked} (present means yanked; its value, if non-empty,
 * is the reason), {@code data-core-metadata} falling back to {@code data-dist-info-metadata}
 * ({@code true}, or {@code <hashname>=<hex>}; any other value means "available, no hash", as pip
 * does, with a warning). A {@code <meta name="pypi:repository-version">} with a major version other
 * than 1 is rejected.
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
        Document doc = Jsoup.parse(html, "");
        List<String> warnings = new ArrayList<>();
        Element meta = doc.selectFirst("meta[name=pypi:repository-version]");
        if (meta != null) {
            ApiVersion.check(meta.attr("content"), "page " + Urls.redactSecrets(pageUrl), warnings);
        }
        List<IndexFile> files = links(doc, pageUrl, warnings);
        return new ProjectPage(Names.normalise(project), pageUrl, files, warnings);
    }

    static List<IndexFile> links(Document doc, URI pageUrl, List<String> warnings) {
        URI base = pageUrl;
        Element baseEl = doc.selectFirst("base[href]");
        if (baseEl != null) {
            try {
                base = pageUrl.resolve(Urls.parseLenient(baseEl.attr("href")));
            } catch (IllegalArgumentException e) {
                warnings.add("ignored unparseable <base href>: " + e.getMessage());
            }
        }
        List<IndexFile> files = new ArrayList<>();
        for (Element a : doc.select("a[href]")) {
            String href = a.attr("href");
            if (href.isBlank()) {
                continue;
            }
            FileLinks.Resolved r = FileLinks.resolve(base, href, warnings);
            if (r == null) {
                continue;
            }
            String requiresPython = null;
            if (a.hasAttr("data-requires-python")) {
                String v = unescapeOnceMore(a.attr("data-requires-python")).strip();
                requiresPython = v.isEmpty() ? null : v;
            }
            boolean yanked = a.hasAttr("data-yanked");
            String yankedReason = null;
            if (yanked && !a.attr("data-yanked").isEmpty()) {
                yankedReason = a.attr("data-yanked");
            }
            String metaAttr = a.hasAttr("data-core-metadata") ? a.attr("data-core-metadata")
                    : a.hasAttr("data-dist-info-metadata") ? a.attr("data-dist-info-metadata") : null;
            boolean coreMetadata = metaAttr != null;
            java.util.Map<String, String> metaHashes = java.util.Map.of();
            if (metaAttr != null && !metaAttr.equals("true")) {
                int eq = metaAttr.indexOf('=');
                if (eq > 0) {
                    metaHashes = FileLinks.supportedHashes(
                            java.util.Map.of(metaAttr.substring(0, eq), metaAttr.substring(eq + 1)));
                } else {
                    warnings.add(r.filename() + ": invalid core-metadata attribute value '" + metaAttr
                            + "', treated as available without hash (as pip does)");
                }
            }
            files.add(new IndexFile(r.filename(), r.url(), r.hashes(), requiresPython, yanked, yankedReason,
                    coreMetadata, metaHashes));
        }
        return files;
    }

    /**
     * pip's second HTML unescape of {@code data-requires-python}. Text without {@code &} has no entity
     * and is returned as it is: jsoup's unescaper sets up a 32 KiB reader per call, which on pages of
     * hundreds of links costs more than the whole rest of the parse.
     */
    static String unescapeOnceMore(String value) {
        return value.indexOf('&') < 0 ? value : Parser.unescapeEntities(value, true);
    }
}
