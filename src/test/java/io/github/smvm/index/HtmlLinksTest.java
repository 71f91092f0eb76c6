package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scanner on its own. Expected values are what Python 3.12's html.parser (through pip's
 * HTMLLinkParser) and html.unescape give, e.g.
 * {@code python3.12 -I -c "from pip._internal.index.collector import HTMLLinkParser as P; p = P('u'); p.feed(PAGE); print(p.anchors, p.base_url)"}
 * and {@code python3.12 -I -c "import html; print(repr(html.unescape(TEXT)))"}.
 */
class HtmlLinksTest {

    private static List<Map<String, String>> anchors(String html) {
        return HtmlLinks.scan(html).anchors();
    }

    /** An attribute map in the given order; a null value is an attribute without value. */
    private static Map<String, String> attrs(String... nameValue) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int k = 0; k < nameValue.length; k += 2) {
            m.put(nameValue[k], nameValue[k + 1]);
        }
        return m;
    }

    @Test
    void readsEveryAnchorInPageOrderWithLowerCasedNamesAndUnescapedValues() {
        assertEquals(List.of(attrs("href", "a>b>¬it;", "x", "1", "y", "2", "z", null), attrs("href", "b.whl/")),
                anchors("<p><a\n HREF = \"a&gt;b&#62&notit;\" X='1' y=2 z>text</a><A href=b.whl/ >"));
    }

    @Test
    void repeatedAttributeKeepsItsFirstPlaceAndLastValue() {
        List<Map<String, String>> a = anchors("<a href=\"first\" data-yanked=\"r\" href=\"second\" data-yanked>");
        assertEquals(List.of(attrs("href", "second", "data-yanked", null)), a);
        assertEquals(List.of("href", "data-yanked"), new ArrayList<>(a.get(0).keySet()));
    }

    @Test
    void quotedValuesMaySpanLinesAndHoldAngleBrackets() {
        assertEquals(List.of(attrs("title", "a > b\n'c'", "href", "x")),
                anchors("<a title=\"a > b\n'c'\" href='x'>"));
    }

    @Test
    void linksInCommentsScriptStyleCdataAndProcessingInstructionsAreNotLinks() {
        assertEquals(List.of(attrs("href", "1"), attrs("href", "2"), attrs("href", "3"), attrs("href", "4")),
                anchors("<!-- <a href=no> -- ><a href=1><script><a href=no></scripts></SCRIPT ><a href=2>"
                        + "<style>a{}<a href=no></style\t><![CDATA[<a href=no>]] ]]><a href=3><?pi <a href=no>?>"
                        + "<!DOCTYPE html><!x <a href=no>><a href=4>"));
    }

    @Test
    void selfClosedScriptHasNoRawText() {
        assertEquals(List.of(attrs("href", "after")), anchors("<script/><a href=after>"));
    }

    @Test
    void aConstructLeftOpenAtTheEndEndsTheReadingAsPipNeverCallsClose() {
        assertEquals(List.of(attrs("href", "a")), anchors("<a href=a><a href=\"b\""));
        assertEquals(List.of(attrs("href", "a")), anchors("<a href=a><a href=\"b>c</a><a href=d>"));
        assertEquals(List.of(attrs("href", "a")), anchors("<a href=a><!-- <a href=b>"));
        assertEquals(List.of(attrs("href", "a")), anchors("<a href=a><script><a href=b>"));
        assertEquals(List.of(attrs("href", "a")), anchors("<a href=a></a"));
        assertEquals(List.of(attrs("href", "a")), anchors("<a href=a><a href=b"));
    }

    @Test
    void unterminatedQuoteAfterSpaceLeavesAnEmptyValueAsThePatternBacktracks() {
        assertEquals(List.of(attrs("data-yanked", "", "\"x", null, "href", "a")),
                anchors("<a data-yanked= \"x href=a>"));
        assertEquals(List.of(attrs("href", "=\"b")), anchors("<a href==\"b>"));
    }

    @Test
    void junkWhereATagShouldEndMakesItText() {
        assertEquals(List.of(attrs("href", "b")), anchors("<a\u0000 href=a><a href=b>"));
        assertEquals(List.of(), anchors("<a\u00a0href=a>"));
    }

    @Test
    void baseIsTheFirstHrefWithAValue() {
        assertEquals("https://b/", HtmlLinks.scan("<base target=x><base href><BASE HREF=\"https://b/\"><base href=c>")
                .baseHref());
        assertEquals("", HtmlLinks.scan("<base href=\"\"><base href=c>").baseHref());
        assertNull(HtmlLinks.scan("<a href=x>").baseHref());
    }

    @Test
    void repositoryVersionComesFromTheFirstMatchingMeta() {
        assertEquals("1.1", HtmlLinks.scan("<meta charset=utf-8><META NAME=\"pypi:repository-version\" content=\"1.1\">"
                + "<meta name=\"pypi:repository-version\" content=\"2.0\">").repositoryVersion());
        assertEquals("", HtmlLinks.scan("<meta name=pypi:repository-version>").repositoryVersion());
        assertNull(HtmlLinks.scan("<meta name=other content=1>").repositoryVersion());
    }

    @Test
    void unknownMarkedSectionStopsTheScanWithAnError() {
        HtmlLinks.Page page = HtmlLinks.scan("<a href=a><![foo[ ]]><a href=b>");
        assertEquals(List.of(attrs("href", "a")), page.anchors());
        assertEquals("markup '<![foo[ ]]><' at offset 10 is not a marked section Python's html.parser knows",
                page.error());
    }

    @Test
    void unescapeFollowsPythonsHtmlUnescape() {
        assertEquals(">=3.8", HtmlLinks.unescape("&gt;=3.8"));
        assertEquals(">=3.8", HtmlLinks.unescape("&gt=3.8"));
        assertEquals(">=3.8", HtmlLinks.unescape("&#62=3.8"));
        assertEquals(">>", HtmlLinks.unescape("&#x3e;&#X3E"));
        assertEquals("&lt;", HtmlLinks.unescape("&amplt;"));
        assertEquals("¬it;", HtmlLinks.unescape("&notit;"));
        assertEquals("∉", HtmlLinks.unescape("&notin;"));
        assertEquals("\ufffd|\r|€|Ÿ||\ufffd|\ufffd|\ufffd|", HtmlLinks.unescape(
                "&#0;|&#13;|&#128;|&#x9f;|&#1;|&#xD800;|&#1114112;|&#99999999999999999999;|&#xFFFE;"));
        assertEquals("&#;&#x;&", HtmlLinks.unescape("&#;&#x;&"));
        String long40 = "&" + "a".repeat(40) + ";";
        assertEquals(long40, HtmlLinks.unescape(long40));
        assertEquals("∳", HtmlLinks.unescape("&CounterClockwiseContourIntegral;"));
        assertEquals("©2024", HtmlLinks.unescape("&copy2024"));
        assertEquals("Æx", HtmlLinks.unescape("&AEligx"));
        assertEquals("&\ud83d\ude00;", HtmlLinks.unescape("&\ud83d\ude00;"));
        assertEquals("≫>>", HtmlLinks.unescape("&Gt;&GT;&gt;"));
        String plain = ">=3.8,<4";
        assertSame(plain, HtmlLinks.unescape(plain));
    }

    @Test
    void pythonWhitespaceIsStrIsspace() {
        List<Integer> spaces = new ArrayList<>();
        for (char c = 0; c < 0xffff; c++) {
            if (HtmlLinks.isPySpace(c)) {
                spaces.add((int) c);
            }
        }
        // python3.12 -c "print([hex(c) for c in range(0x110000) if chr(c).isspace()])"
        assertEquals(Arrays.asList(0x9, 0xa, 0xb, 0xc, 0xd, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
                0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
                0x2029, 0x202f, 0x205f, 0x3000), spaces);
    }

    /** 10 MB pages built to make a backtracking or rescanning parser quadratic; the results are Python's. */
    @Test
    void hostilePagesOfTenMegabytesAreReadInOnePass() {
        int size = 10 * 1024 * 1024;
        assertEquals(List.of(attrs("href", "x")), anchors("<a href=x>" + "<a".repeat(size / 2)));
        assertEquals(List.of(attrs("href", "x")), anchors("<a href=x>" + "<a href= \"".repeat(size / 10)));
        assertEquals(List.of(attrs("href", "x")), anchors("<a href=x>" + "<a b= \"<a c= '".repeat(size / 14)));
        assertEquals(List.of(attrs("href", "x")), anchors("<a href=x><a href=\"" + "y".repeat(size)));
        assertEquals(List.of(attrs("href", "y")), anchors("<script>" + "</".repeat(size / 2) + "</script><a href=y>"));
        assertEquals(List.of(attrs("href", "z")), anchors("<!--" + "--".repeat(size / 2) + " -- ><a href=z>"));
        assertEquals(List.of(attrs("href", "w")), anchors("<![CDATA[" + "] ".repeat(size / 2) + "]]><a href=w>"));
        String big = "&amp".repeat(size / 4);
        assertEquals("&".repeat(size / 4), anchors("<a href=\"" + big + "\">").get(0).get("href"));
        assertEquals(100_000, anchors("<a href=x>".repeat(100_000)).size());
    }
}
