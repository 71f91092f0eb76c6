package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Pep503HtmlParserTest {

    private static final URI PAGE = URI.create("https://example.org/simple/foo-bar/");

    private static ProjectPage parse(String html) throws IndexFormatException {
        return Pep503HtmlParser.parse(PAGE, html);
    }

    @Test
    void projectNameComesFromThePageUrlNormalised() throws Exception {
        ProjectPage page = Pep503HtmlParser.parse(URI.create("https://example.org/simple/Foo_Bar/"), "<html></html>");
        assertEquals("foo-bar", page.project());
        assertEquals(List.of(), page.files());
    }

    @Test
    void relativeLinkResolvesAgainstPageUrlAndHashFragmentIsParsed() throws Exception {
        ProjectPage page = parse("<a href=\"../../files/foo_bar-1.0-py3-none-any.whl#sha256=ABCDEF\">x</a>");
        IndexFile f = page.files().get(0);
        assertEquals("foo_bar-1.0-py3-none-any.whl", f.filename());
        assertEquals(URI.create("https://example.org/files/foo_bar-1.0-py3-none-any.whl"), f.url());
        assertEquals(Map.of("sha256", "abcdef"), f.hashes());
        assertNull(f.requiresPython());
        assertFalse(f.yanked());
        assertNull(f.yankedReason());
        assertFalse(f.coreMetadata());
        assertEquals(List.of(), page.warnings());
    }

    @Test
    void baseHrefIsUsedForRelativeLinks() throws Exception {
        ProjectPage page = parse("<html><head><base href=\"https://cdn.example.net/pkgs/\"></head>"
                + "<body><a href=\"foo-1.0.tar.gz\">foo</a></body></html>");
        assertEquals(URI.create("https://cdn.example.net/pkgs/foo-1.0.tar.gz"), page.files().get(0).url());
    }

    @Test
    void relativeBaseHrefIsResolvedAgainstThePageUrl() throws Exception {
        ProjectPage page = parse("<base href=\"/mirror/\"><a href=\"foo-1.0.tar.gz\">foo</a>");
        assertEquals(URI.create("https://example.org/mirror/foo-1.0.tar.gz"), page.files().get(0).url());
    }

    @Test
    void entityEscapedRequiresPythonIsDecoded() throws Exception {
        ProjectPage page = parse("<a href=\"foo-1.0.tar.gz\" data-requires-python=\"&gt;=3.8,&lt;4\">f</a>");
        assertEquals(">=3.8,<4", page.files().get(0).requiresPython());
    }

    @Test
    void doublyEscapedRequiresPythonIsDecodedOnceLikePip() throws Exception {
        // pip 22 and later: "&gt;=3.8", an invalid specifier that selection then ignores, as pip does
        ProjectPage page = parse("<a href=\"foo-1.0.tar.gz\" data-requires-python=\"&amp;gt;=3.8\">f</a>");
        assertEquals("&gt;=3.8", page.files().get(0).requiresPython());
    }

    @Test
    void yankedWithReason() throws Exception {
        IndexFile f = parse("<a href=\"foo-1.0.tar.gz\" data-yanked=\"broken build\">f</a>").files().get(0);
        assertTrue(f.yanked());
        assertEquals("broken build", f.yankedReason());
    }

    @Test
    void yankedWithoutReason() throws Exception {
        IndexFile f1 = parse("<a href=\"foo-1.0.tar.gz\" data-yanked>f</a>").files().get(0);
        IndexFile f2 = parse("<a href=\"foo-1.0.tar.gz\" data-yanked=\"\">f</a>").files().get(0);
        assertFalse(f1.yanked(), "pip reads a data-yanked without a value as not yanked");
        assertNull(f1.yankedReason());
        assertTrue(f2.yanked());
        assertNull(f2.yankedReason());
    }

    @Test
    void coreMetadataTrueAndWithHash() throws Exception {
        ProjectPage page = parse("<a href=\"a-1.0-py3-none-any.whl\" data-core-metadata=\"true\">a</a>"
                + "<a href=\"b-1.0-py3-none-any.whl\" data-core-metadata=\"sha256=00FF\">b</a>"
                + "<a href=\"c-1.0-py3-none-any.whl\" data-dist-info-metadata=\"sha256=abcd\">c</a>"
                + "<a href=\"d-1.0-py3-none-any.whl\">d</a>");
        List<IndexFile> fs = page.files();
        assertTrue(fs.get(0).coreMetadata());
        assertEquals(Map.of(), fs.get(0).coreMetadataHashes());
        assertTrue(fs.get(1).coreMetadata());
        assertEquals(Map.of("sha256", "00ff"), fs.get(1).coreMetadataHashes());
        assertTrue(fs.get(2).coreMetadata());
        assertEquals(Map.of("sha256", "abcd"), fs.get(2).coreMetadataHashes());
        assertFalse(fs.get(3).coreMetadata());
    }

    @Test
    void coreMetadataAttributeWinsOverDistInfoMetadata() throws Exception {
        IndexFile f = parse("<a href=\"a-1.0-py3-none-any.whl\" data-core-metadata=\"sha256=11\" "
                + "data-dist-info-metadata=\"sha256=22\">a</a>").files().get(0);
        assertEquals(Map.of("sha256", "11"), f.coreMetadataHashes());
    }

    @Test
    void malformedHtmlWithUnclosedTagsStillYieldsLinks() throws Exception {
        ProjectPage page = parse("<html><body><h1>Links for foo<a href=\"foo-1.0.tar.gz\">foo-1.0"
                + "<br><a href=\"foo-1.1.tar.gz\" data-requires-python=\">=3.9\">foo-1.1<div>");
        assertEquals(List.of("foo-1.0.tar.gz", "foo-1.1.tar.gz"),
                page.files().stream().map(IndexFile::filename).toList());
        assertEquals(">=3.9", page.files().get(1).requiresPython());
    }

    @Test
    void repeatedAttributeTakesTheLastValueAsPipsDictDoes() throws Exception {
        IndexFile f = parse("<a href=\"first-1.0.tar.gz\" href=\"second-1.0.tar.gz\""
                + " data-requires-python=\"&gt;=3.6\" data-requires-python=\"&gt;=3.9\">x</a>").files().get(0);
        assertEquals("second-1.0.tar.gz", f.filename());
        assertEquals(">=3.9", f.requiresPython());
    }

    @Test
    void coreMetadataWithoutValueFallsBackToDistInfoMetadata() throws Exception {
        List<IndexFile> fs = parse("<a href=\"a-1.0-py3-none-any.whl\" data-core-metadata"
                + " data-dist-info-metadata=\"sha256=EE\">a</a><a href=\"b-1.0-py3-none-any.whl\" data-core-metadata>b</a>")
                .files();
        assertTrue(fs.get(0).coreMetadata());
        assertEquals(Map.of("sha256", "ee"), fs.get(0).coreMetadataHashes());
        assertFalse(fs.get(1).coreMetadata());
    }

    @Test
    void linksInScriptsAndCommentsAreNotFiles() throws Exception {
        ProjectPage page = parse("<script>x = '<a href=\"s-1.0.tar.gz\">'</script><!-- <a href=\"c-1.0.tar.gz\"> -->"
                + "<a href=\"real-1.0.tar.gz\">r</a>");
        assertEquals(List.of("real-1.0.tar.gz"), page.files().stream().map(IndexFile::filename).toList());
    }

    @Test
    void hrefBrokenOverLinesNamesTheFileWithoutTheLineBreak() throws Exception {
        IndexFile f = parse("<a href=\"foo-1.0\n.tar.gz\">f</a>").files().get(0);
        assertEquals("foo-1.0.tar.gz", f.filename());
        assertEquals(URI.create("https://example.org/simple/foo-bar/foo-1.0.tar.gz"), f.url());
    }

    @Test
    void startTagLeftOpenAtTheEndOfThePageIsNotALinkAsInPip() throws Exception {
        ProjectPage page = parse("<a href=\"a-1.0.tar.gz\">a</a><a href=\"b-1.0.tar.gz\"");
        assertEquals(List.of("a-1.0.tar.gz"), page.files().stream().map(IndexFile::filename).toList());
    }

    @Test
    void hostileFileNamesAreSkippedWithWarnings() throws Exception {
        ProjectPage page = parse("<a href=\"..%2Fevil.whl\">1</a>"
                + "<a href=\"a%2Fb.whl\">2</a>"
                + "<a href=\"dir/\">3</a>"
                + "<a href=\"good-1.0.tar.gz\">4</a>");
        assertEquals(List.of("good-1.0.tar.gz"), page.files().stream().map(IndexFile::filename).toList());
        assertEquals(3, page.warnings().size());
        assertTrue(page.warnings().get(0).contains("'../evil.whl' contains '..'"), page.warnings().get(0));
        assertTrue(page.warnings().get(1).contains("'a/b.whl' contains a path separator"), page.warnings().get(1));
        assertTrue(page.warnings().get(2).contains("empty file name"), page.warnings().get(2));
    }

    @Test
    void dotDotPathSegmentsAreResolvedNotKeptInTheName() throws Exception {
        // "../evil.whl" as a plain relative href is just a URL one directory up, named evil.whl
        IndexFile f = parse("<a href=\"../evil.whl\">x</a>").files().get(0);
        assertEquals("evil.whl", f.filename());
        assertEquals(URI.create("https://example.org/simple/evil.whl"), f.url());
    }

    @Test
    void percentEncodedFileNameIsDecodedAndSpacesAreTolerated() throws Exception {
        ProjectPage page = parse("<a href=\"foo%2B1-1.0.tar.gz\">a</a><a href=\"my file-1.0.tar.gz\">b</a>");
        assertEquals("foo+1-1.0.tar.gz", page.files().get(0).filename());
        assertEquals("my file-1.0.tar.gz", page.files().get(1).filename());
        assertEquals(URI.create("https://example.org/simple/foo-bar/my%20file-1.0.tar.gz"), page.files().get(1).url());
    }

    @Test
    void anchorsWithoutHrefAreIgnored() throws Exception {
        assertEquals(List.of(), parse("<a name=\"top\">x</a><a href=\"\">y</a>").files());
    }

    @Test
    void repositoryVersionTwoIsRejected() {
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> parse(
                "<meta name=\"pypi:repository-version\" content=\"2.0\"><a href=\"foo-1.0.tar.gz\">f</a>"));
        assertEquals("page https://example.org/simple/foo-bar/ uses repository API version 2.0, "
                + "but only major version 1 is supported", e.getMessage());
    }

    @Test
    void unknownMinorRepositoryVersionIsAWarning() throws Exception {
        ProjectPage page = parse("<meta name=\"pypi:repository-version\" content=\"1.99\"><a href=\"foo-1.0.tar.gz\">f</a>");
        assertEquals(1, page.files().size());
        assertEquals(List.of("page https://example.org/simple/foo-bar/ uses repository API version 1.99, "
                + "newer than the supported 1.4; reading it as 1.4"), page.warnings());
    }

    @Test
    void credentialsInThePageUrlDoNotAppearInMessages() {
        IndexFormatException e = assertThrows(IndexFormatException.class, () -> Pep503HtmlParser.parse(
                URI.create("https://user:s3cret@example.org/simple/foo/"),
                "<meta name=\"pypi:repository-version\" content=\"3.0\">"));
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }
}
