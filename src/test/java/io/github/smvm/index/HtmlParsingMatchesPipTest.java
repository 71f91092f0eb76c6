package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.smvm.process.ProcessResult;
import io.github.smvm.testing.PipReference;
import io.github.smvm.testing.PyenvInterpreters;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pip is the reference for reading HTML index pages: a corpus of pages is parsed by the real pip of
 * Python 3.12 (its own {@code parse_links}: {@code HTMLLinkParser} on Python's {@code html.parser},
 * then {@code Link.from_element}, run by {@code pip_parse_links.py}) and by {@link Pep503HtmlParser},
 * and compared link by link: URL (without fragment), fragment hashes, requires-python, yanked,
 * yanked reason, core-metadata flag and its hashes.
 *
 * <p>Every difference is listed in {@link #KNOWN_DIFFERENCES} with the reason it is on purpose; a
 * difference not listed, or a listed one that no longer shows, fails the test.
 */
class HtmlParsingMatchesPipTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The pages: name → HTML. Page URL: https://example.org/simple/&lt;name&gt;/ */
    static Map<String, String> corpus() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("plain", """
                <!DOCTYPE html>
                <html><head><meta name="pypi:repository-version" content="1.1"><title>Links for foo</title></head>
                <body><h1>Links for foo</h1>
                <a href="https://files.example.org/packages/foo-1.0-py3-none-any.whl#sha256=ABCDEF01">foo-1.0-py3-none-any.whl</a><br/>
                <a href="../../packages/foo-1.0.tar.gz#md5=0123&amp;sha256=4567" data-requires-python="&gt;=3.8">foo-1.0.tar.gz</a><br/>
                <a href="/packages/foo-2.0-cp312-cp312-manylinux_2_17_x86_64.whl" data-requires-python="&gt;=3.9,&lt;4" data-dist-info-metadata="sha256=aa" data-core-metadata="sha256=bb">foo-2.0</a>
                </body></html>
                """);
        pages.put("base-absolute", """
                <html><head><base href="https://cdn.example.net/pkgs/"></head>
                <a href="foo-1.0.tar.gz">f</a><a href="/root/foo-1.1.tar.gz">f</a><a href="https://other.example.org/foo-1.2.tar.gz">f</a>
                """);
        pages.put("base-relative", """
                <base href="/mirror/"><a href="foo-1.0.tar.gz">foo</a>
                """);
        pages.put("base-first-with-href-value", """
                <base target="_top"><base href><base href="https://a.example.org/x/"><base href="https://b.example.org/y/">
                <a href="foo-1.0.tar.gz">foo</a>
                """);
        pages.put("base-empty", """
                <base href=""><base href="https://b.example.org/y/"><a href="foo-1.0.tar.gz">foo</a>
                """);
        pages.put("requires-python-entities", """
                <a href="a-1.0.tar.gz" data-requires-python="&gt;=3.8">a</a>
                <a href="b-1.0.tar.gz" data-requires-python="&#62;=3.8">b</a>
                <a href="c-1.0.tar.gz" data-requires-python="&#x3E;=3.8,&#x3c;4">c</a>
                <a href="d-1.0.tar.gz" data-requires-python="&gt=3.8">d</a>
                <a href="e-1.0.tar.gz" data-requires-python="&#62=3.8">e</a>
                <a href="f-1.0.tar.gz" data-requires-python="&GT;=3.8,&LT;4">f</a>
                <a href="g-1.0.tar.gz" data-requires-python="">g</a>
                <a href="h-1.0.tar.gz" data-requires-python>h</a>
                <a href="i-1.0.tar.gz" data-requires-python=" &gt;= 3.8 ">i</a>
                """);
        pages.put("requires-python-doubly-escaped", """
                <a href="a-1.0.tar.gz" data-requires-python="&amp;gt;=3.8">a</a>
                <a href="b-1.0.tar.gz" data-requires-python="&amp;lt;4&amp;amp;">b</a>
                """);
        pages.put("entity-edge-cases", """
                <a href="a-1.0.tar.gz" data-yanked="&notit; &notin; &amplt; &ampx &gtx &#0; &#x110000; &#128; &#xD800; &#1; &#;">a</a>
                <a href="b-1.0.tar.gz" data-yanked="&NotARealEntity; &abcdefghijklmnopqrstuvwxyzabcdefghij; & &;">b</a>
                <a href="c-1.0.tar.gz" data-yanked="&copy2024 &nbsp;&AElig&Eacute; &CounterClockwiseContourIntegral;">c</a>
                """);
        pages.put("yanked", """
                <a href="a-1.0.tar.gz" data-yanked="broken build">a</a>
                <a href="b-1.0.tar.gz" data-yanked="">b</a>
                <a href="c-1.0.tar.gz" data-yanked>c</a>
                <a href="d-1.0.tar.gz" data-yanked="&quot;bad&quot; &amp; worse">d</a>
                <a href="e-1.0.tar.gz">e</a>
                """);
        pages.put("metadata", """
                <a href="a-1.0-py3-none-any.whl" data-core-metadata="true">a</a>
                <a href="b-1.0-py3-none-any.whl" data-core-metadata="sha256=00FF">b</a>
                <a href="c-1.0-py3-none-any.whl" data-dist-info-metadata="sha256=abcd">c</a>
                <a href="d-1.0-py3-none-any.whl" data-dist-info-metadata="bogus">d</a>
                <a href="e-1.0-py3-none-any.whl" data-core-metadata data-dist-info-metadata="sha256=ee">e</a>
                <a href="f-1.0-py3-none-any.whl" data-core-metadata>f</a>
                <a href="g-1.0-py3-none-any.whl" data-core-metadata="md5=11" data-dist-info-metadata="sha256=22">g</a>
                <a href="h-1.0-py3-none-any.whl" data-core-metadata="unknownhash=33">h</a>
                <a href="i-1.0-py3-none-any.whl" data-core-metadata="">i</a>
                """);
        pages.put("comments", """
                <!-- <a href="in-comment-1.0.tar.gz">x</a> -->
                <!-- -- still a comment <a href="in-comment-2.0.tar.gz"> --  >
                <a href="real-1.0.tar.gz">real</a>
                <!---->
                <!--a--!><a href="after-odd-comment-1.0.tar.gz">x</a>-->
                <a href="real-2.0.tar.gz">real</a>
                """);
        pages.put("script-and-style", """
                <script>var s = '<a href="in-script-1.0.tar.gz">';</script >
                <a href="real-1.0.tar.gz">r</a>
                <STYLE type="text/css">a::after { content: "<a href='in-style-1.0.tar.gz'>" } </style</STYLE\t>
                <a href="real-2.0.tar.gz">r</a>
                <script/><a href="after-self-closed-script-1.0.tar.gz">r</a>
                <script>document.write("</scripty>"); "<a href=in-script-2.0.tar.gz>"</SCRIPT>
                <a href="real-3.0.tar.gz">r</a>
                """);
        pages.put("script-never-closed", """
                <a href="before-1.0.tar.gz">b</a><script><a href="in-script-1.0.tar.gz">x</a>
                """);
        pages.put("cdata-and-declarations", """
                <?xml version="1.0" encoding="utf-8"?>
                <!doctype html>
                <![CDATA[<a href="in-cdata-1.0.tar.gz">]] >]]>
                <a href="real-1.0.tar.gz">r</a>
                <!ELEMENT foo><!bogus <a href="in-bogus-1.0.tar.gz"> >
                <a href="real-2.0.tar.gz">r</a>
                <?php echo '<a href="in-pi-1.0.tar.gz">'; ?>
                """);
        pages.put("unknown-marked-section", """
                <a href="before-1.0.tar.gz">b</a><![foo[ x ]]><a href="after-1.0.tar.gz">a</a>
                """);
        pages.put("upper-case", """
                <A HREF="A-1.0.tar.gz" DATA-REQUIRES-PYTHON="&gt;=3.7" Data-Yanked="Old">a</A>
                <a HrEf="b-1.0.tar.gz">b</a>
                """);
        pages.put("unquoted-and-quoted", """
                <a href=a-1.0.tar.gz data-requires-python=&gt;=3.8>a</a>
                <a href='b-1.0.tar.gz' data-yanked='it said "no" > yes'>b</a>
                <a href="c-1.0
                .tar.gz" data-yanked="line one
                line two">c</a>
                <a href=d-1.0.tar.gz/>d</a>
                <a href="e-1.0.tar.gz"/>e
                <a href="f-1.0.tar.gz"data-yanked="adjacent">f</a>
                """);
        pages.put("whitespace-in-tags", "<a\n  href\n=\n\"a-1.0.tar.gz\"\n  data-yanked\t=\t'x'\n>a</a>"
                + "<a\r\nhref = b-1.0.tar.gz >b</a><a / href=c-1.0.tar.gz / >c</a>"
                + "<a\u000bhref=d-1.0.tar.gz>d</a><a \u00a0href=e-1.0.tar.gz>e</a><a\u00a0href=f-1.0.tar.gz>f</a>");
        pages.put("duplicate-attributes", """
                <a href="first-1.0.tar.gz" href="second-1.0.tar.gz">x</a>
                <a href="c-1.0.tar.gz" data-yanked="one" data-yanked>c</a>
                <a href="d-1.0.tar.gz" data-requires-python="&gt;=3.6" data-requires-python="&gt;=3.9">d</a>
                """);
        pages.put("attributes-without-values", """
                <a href>no href value</a>
                <a data-requires-python href="a-1.0.tar.gz" download>a</a>
                <a name="x">no href</a>
                <a href="">empty</a>
                <a href="   ">blank</a>
                """);
        pages.put("unclosed-start-tag-at-end", """
                <a href="a-1.0.tar.gz">a</a>
                <a href="b-1.0.tar.gz\"""");
        pages.put("unterminated-quote", """
                <a href="a-1.0.tar.gz>a</a>
                <a href="b-1.0.tar.gz">b</a>
                <a href='c-1.0.tar.gz>c</a>
                """);
        pages.put("unterminated-quote-backtracking", """
                <a data-yanked= "x href=a-1.0.tar.gz>a</a>
                <a href=="b-1.0.tar.gz>b</a>
                <a data-yanked= 'y href=c-1.0.tar.gz>c</a>
                """);
        pages.put("unclosed-comment", """
                <a href="a-1.0.tar.gz">a</a><!-- <a href="b-1.0.tar.gz">b</a>
                """);
        pages.put("broken-markup", """
                <a href=a-1.0.tar.gz <b>a</a>
                <a href="b-1.0.tar.gz" "quoted-name">b</a>
                <a href="c-1.0.tar.gz"<i>c</a>
                < a href="not-a-tag-1.0.tar.gz">x</a>
                <1a href="not-a-tag-2.0.tar.gz">
                </a href="end-tag-1.0.tar.gz"><a href="d-1.0.tar.gz">d</a>
                <a<a<a href="e-1.0.tar.gz">e</a>
                <a href=f-1.0.tar.gz =x>f</a>
                <div><p><a href="g-1.0.tar.gz">g<table><a href="h-1.0.tar.gz">h
                """);
        pages.put("junk-where-a-tag-ends", """
                <a href="a-1.0.tar.gz" =>a</a>
                <a href="b-1.0.tar.gz"\u0000>b</a>
                <a href="c-1.0.tar.gz">c</a>
                """);
        pages.put("nul-bytes", "<a\u0000 href=\"a-1.0.tar.gz\">a</a><a href=\"b-1.0\u0000.tar.gz\">b</a>"
                + "<a href=\"c-1.0.tar.gz\" data-yanked=\"x\u0000y\">c</a><a href=d-1.0.tar.gz\u0000>d</a>");
        pages.put("non-ascii", """
                <a href="caf\u00e9-1.0.tar.gz" data-yanked="kaputt \u2013 \u00fcberholt">a</a>
                <a href="caf%C3%A9-2.0.tar.gz">b</a>
                <a href="foo 1.0.tar.gz">c</a>
                <a href="\u0444\u0443-1.0.tar.gz">d</a>
                <a href="emoji-\ud83d\ude00-1.0.tar.gz" data-yanked="&#x1F600;">e</a>
                """);
        pages.put("entities-in-href", """
                <a href="a-1.0.tar.gz#sha256=AA&amp;md5=bb">a</a>
                <a href="b&#45;1.0.tar.gz">b</a>
                <a href="sub&#x2F;c-1.0.tar.gz">c</a>
                <a href="d-1.0.tar.gz?x=1&amp;y=2">d</a>
                <a href="e-1.0.tar.gz#md5=11&sha256=22">e</a>
                """);
        pages.put("unsafe-file-names", """
                <a href="../up-1.0.tar.gz">up</a>
                <a href="https://files.example.org/dir/">dir</a>
                <a href="a%2F..%2Fb-1.0.tar.gz">sep</a>
                <a href="ok-1.0.tar.gz">ok</a>
                """);
        pages.put("credentials-in-href", """
                <a href="https://user:pass@files.example.org/a-1.0.tar.gz">a</a>
                """);
        pages.put("big-attribute", "<a href=\"a-1.0.tar.gz\" data-yanked=\"" + "r".repeat(200_000) + "\">a</a>"
                + "<a href=\"b-1.0.tar.gz\">b</a>");
        pages.put("many-links", manyLinks(300));
        pages.put("empty", "");
        pages.put("lone-less-than-at-end", "<a href=\"a-1.0.tar.gz\">a</a><");
        return pages;
    }

    private static String manyLinks(int count) {
        StringBuilder sb = new StringBuilder("<html><body>\n");
        for (int k = 0; k < count; k++) {
            sb.append("<a href=\"../../packages/p-").append(k).append(".0-py3-none-any.whl#sha256=").append(k)
                    .append("\" data-requires-python=\"&gt;=3.").append(k % 13).append('"')
                    .append(k % 7 == 0 ? " data-yanked=\"r" + k + "\"" : "")
                    .append(k % 5 == 0 ? " data-core-metadata=\"sha256=" + k + "\"" : "")
                    .append(">p-").append(k).append("</a><br/>\n");
        }
        return sb.append("</body></html>\n").toString();
    }

    /**
     * Differences on purpose, as {@code page: what}, each with why. Everything else (which anchors
     * there are, through comments, script, CDATA, broken and unclosed markup, and every attribute
     * value with its entities) is the same as pip's.
     */
    static final List<String> KNOWN_DIFFERENCES = List.of(
            // pip joins links to the raw <base href> (urljoin("/mirror/", href)) and is left with a relative
            // URL it cannot fetch; we resolve <base href> against the page URL first, as browsers do
            "base-relative: pip has %s, we do not".formatted(link("/mirror/foo-1.0.tar.gz")),
            "base-relative: we have %s, pip does not".formatted(link("https://example.org/mirror/foo-1.0.tar.gz")),
            // html.parser raises on an unknown marked section and pip fails on the page; we keep what came before
            "unknown-marked-section: pip fails (AssertionError: unknown status keyword 'foo' in marked section);"
                    + " we read 1 links and warn: [stopped reading the page: markup '<![foo[ x ]]' at offset 33 is"
                    + " not a marked section Python's html.parser knows (pip fails on this page)]",
            // our file-name checks skip, with a warning, links without a file name (pip lists them and never
            // matches them as a distribution), with NUL or a path separator in the name
            "unquoted-and-quoted: pip has %s, we do not".formatted(
                    link("https://example.org/simple/unquoted-and-quoted/d-1.0.tar.gz/")),
            "attributes-without-values: pip has %s, we do not".formatted(
                    link("https://example.org/simple/attributes-without-values/")),
            "nul-bytes: pip has %s, we do not".formatted(link("https://example.org/simple/nul-bytes/b-1.0%00.tar.gz")),
            "nul-bytes: pip has %s, we do not".formatted(link("https://example.org/simple/nul-bytes/d-1.0.tar.gz%00")),
            "unsafe-file-names: pip has %s, we do not".formatted(link("https://files.example.org/dir/")),
            "unsafe-file-names: pip has %s, we do not".formatted(
                    link("https://example.org/simple/unsafe-file-names/a%2F..%2Fb-1.0.tar.gz")),
            // pip re-quotes each path part (quote(unquote(part))), so '=' becomes %3D; we keep the path as
            // written where it is a valid URI. Same anchor and href on both sides (an unterminated quote).
            "unterminated-quote: pip has %s, we do not".formatted(link(
                    "https://example.org/simple/unterminated-quote/a-1.0.tar.gz%3Ea%3C/a%3E%3Ca%20href%3D")),
            "unterminated-quote: we have %s, pip does not".formatted(link(
                    "https://example.org/simple/unterminated-quote/a-1.0.tar.gz%3Ea%3C/a%3E%3Ca%20href=")));

    private static String link(String url) {
        return "{coreMetadata=false, hashes={}, metadataHashes={}, requiresPython=null, url=" + url
                + ", yanked=false, yankedReason=null}";
    }

    @Test
    void everyLinkOfTheCorpusIsReadAsPipReadsIt(@TempDir Path dir) throws Exception {
        Optional<Path> python = PyenvInterpreters.version("3.12.");
        assumeTrue(python.isPresent(), "needs CPython 3.12 with pip under " + PyenvInterpreters.root() + "/versions");
        Map<String, String> pages = corpus();
        assertTrue(pages.size() >= 30, "corpus of " + pages.size() + " pages");
        Map<String, String> urls = new LinkedHashMap<>();
        for (Map.Entry<String, String> page : pages.entrySet()) {
            Files.writeString(dir.resolve(page.getKey() + ".html"), page.getValue(), StandardCharsets.UTF_8);
            urls.put(page.getKey(), pageUrl(page.getKey()).toString());
        }
        Files.writeString(dir.resolve("pages.json"), JSON.writeValueAsString(urls));
        Path script = dir.resolve("pip_parse_links.py");
        try (InputStream in = getClass().getResourceAsStream("pip_parse_links.py")) {
            Files.write(script, in.readAllBytes());
        }
        PipReference pip = new PipReference(python.get(), dir, Duration.ofSeconds(120));
        ProcessResult result = pip.runIsolated(List.of(script.toString(), dir.toString()));
        assertTrue(result.succeeded(), result.describe());
        JsonNode byPage = JSON.readTree(result.stdout());

        List<String> differences = new ArrayList<>();
        int links = 0;
        for (Map.Entry<String, String> page : pages.entrySet()) {
            String name = page.getKey();
            JsonNode pipPage = byPage.get(name);
            ProjectPage ours = Pep503HtmlParser.parse(pageUrl(name), page.getValue());
            if (pipPage.has("error")) {
                differences.add(name + ": pip fails (" + pipPage.get("error").asText() + "); we read "
                        + ours.files().size() + " links and warn: " + ours.warnings());
                continue;
            }
            List<Map<String, Object>> theirs = new ArrayList<>();
            pipPage.get("links").forEach(l -> theirs.add(pipLink(l)));
            List<Map<String, Object>> mine = ours.files().stream().map(HtmlParsingMatchesPipTest::ourLink).toList();
            links += theirs.size();
            compare(name, theirs, mine, differences);
        }
        System.out.println("HtmlParsingMatchesPipTest: " + pages.size() + " pages, " + links + " links by pip");
        differences.forEach(d -> System.out.println("  " + d));
        assertEquals(KNOWN_DIFFERENCES.stream().sorted().toList(), differences.stream().sorted().toList());
    }

    private static URI pageUrl(String name) {
        return URI.create("https://example.org/simple/" + name + "/");
    }

    /** Link by link in page order; a link only one side has is reported by its URL. */
    private static void compare(String page, List<Map<String, Object>> theirs, List<Map<String, Object>> mine,
            List<String> differences) {
        int t = 0;
        int m = 0;
        while (t < theirs.size() || m < mine.size()) {
            Map<String, Object> a = t < theirs.size() ? theirs.get(t) : null;
            Map<String, Object> b = m < mine.size() ? mine.get(m) : null;
            if (a != null && b != null && a.get("url").equals(b.get("url"))) {
                if (!a.equals(b)) {
                    Map<String, Object> pipOnly = new TreeMap<>();
                    Map<String, Object> ourOnly = new TreeMap<>();
                    a.forEach((k, v) -> {
                        if (!Objects.equals(v, b.get(k))) {
                            pipOnly.put(k, v);
                            ourOnly.put(k, b.get(k));
                        }
                    });
                    differences.add(page + ": " + a.get("url") + ": pip " + pipOnly + ", we " + ourOnly);
                }
                t++;
                m++;
            } else if (a != null && (b == null || !mine.subList(m, mine.size()).stream()
                    .anyMatch(x -> x.get("url").equals(a.get("url"))))) {
                differences.add(page + ": pip has " + a + ", we do not");
                t++;
            } else {
                differences.add(page + ": we have " + b + ", pip does not");
                m++;
            }
        }
    }

    private static Map<String, Object> pipLink(JsonNode l) {
        String url = l.get("url").asText();
        int hash = url.indexOf('#');
        Map<String, Object> link = new TreeMap<>();
        link.put("url", hash < 0 ? url : url.substring(0, hash));
        // digests are hex: we keep them lower-case, pip as written
        link.put("hashes", lowerCaseValues(strings(l.get("hashes"))));
        // our requires-python is stripped, and empty is none (pip's SpecifierSet strips it too)
        String rp = l.get("requires_python").isNull() ? null : l.get("requires_python").asText().strip();
        link.put("requiresPython", rp == null || rp.isEmpty() ? null : rp);
        link.put("yanked", l.get("is_yanked").asBoolean());
        String reason = l.get("yanked_reason").isNull() ? null : l.get("yanked_reason").asText();
        link.put("yankedReason", reason == null || reason.isEmpty() ? null : reason);
        link.put("coreMetadata", l.get("core_metadata").asBoolean());
        link.put("metadataHashes", lowerCaseValues(strings(l.get("metadata_hashes"))));
        return link;
    }

    private static Map<String, Object> ourLink(IndexFile f) {
        Map<String, Object> link = new TreeMap<>();
        // the ASCII form, as pip writes URLs (non-ASCII characters percent-encoded as UTF-8)
        link.put("url", f.url().toASCIIString());
        link.put("hashes", new TreeMap<>(f.hashes()));
        link.put("requiresPython", f.requiresPython());
        link.put("yanked", f.yanked());
        link.put("yankedReason", f.yankedReason());
        link.put("coreMetadata", f.coreMetadata());
        link.put("metadataHashes", new TreeMap<>(f.coreMetadataHashes()));
        return link;
    }

    private static Map<String, String> lowerCaseValues(Map<String, String> in) {
        Map<String, String> out = new TreeMap<>();
        in.forEach((k, v) -> out.put(k, v.toLowerCase(Locale.ROOT)));
        return out;
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new TreeMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
