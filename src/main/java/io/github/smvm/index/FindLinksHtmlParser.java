package io.github.smvm.index;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a find-links HTML page: every {@code <a href>} is a file, read with the same rules as
 * {@link Pep503HtmlParser} (base href, data attributes, file-name checks). The page may list files
 * of any number of projects, so the result's project is empty.
 */
public final class FindLinksHtmlParser {

    private FindLinksHtmlParser() {
    }

    public static ProjectPage parse(URI pageUrl, String html) {
        List<String> warnings = new ArrayList<>();
        List<IndexFile> files = Pep503HtmlParser.links(HtmlLinks.scan(html), pageUrl, warnings);
        return new ProjectPage("", pageUrl, files, warnings);
    }
}
