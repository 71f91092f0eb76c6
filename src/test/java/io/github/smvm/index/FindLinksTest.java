package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindLinksTest {

    @TempDir
    Path dir;

    private static List<String> names(List<IndexFile> files) {
        return files.stream().map(IndexFile::filename).toList();
    }

    @Test
    void htmlPageParserReturnsEveryLink() {
        ProjectPage page = FindLinksHtmlParser.parse(URI.create("https://example.org/links.html"),
                "<a href=\"a-1.0.tar.gz\">a</a><a href=\"https://cdn.example.org/b-2.0-py3-none-any.whl#sha256=00\">b</a>"
                        + "<a href=\"../x/../evil%2F.whl\">c</a>");
        assertEquals("", page.project());
        assertEquals(List.of(
                IndexFile.plain("a-1.0.tar.gz", URI.create("https://example.org/a-1.0.tar.gz")),
                new IndexFile("b-2.0-py3-none-any.whl", URI.create("https://cdn.example.org/b-2.0-py3-none-any.whl"),
                        Map.of("sha256", "00"), null, false, null, false, Map.of())), page.files());
        assertEquals(1, page.warnings().size());
    }

    @Test
    void directoryListerListsFilesSortedAndReadsHtmlPages() throws Exception {
        Files.write(dir.resolve("zeta-1.0.tar.gz"), new byte[0]);
        Files.write(dir.resolve("alpha-1.0-py3-none-any.whl"), new byte[0]);
        Files.createDirectories(dir.resolve("subdir"));
        Files.writeString(dir.resolve("more.html"), "<a href=\"https://example.org/beta-1.0.tar.gz\">b</a>");
        ProjectPage page = FindLinksDirectoryLister.list(dir, 1000);
        assertEquals(List.of("alpha-1.0-py3-none-any.whl", "beta-1.0.tar.gz", "zeta-1.0.tar.gz"), names(page.files()));
        assertEquals(dir.resolve("alpha-1.0-py3-none-any.whl").toUri(), page.files().get(0).url());
        assertEquals(URI.create("https://example.org/beta-1.0.tar.gz"), page.files().get(1).url());
        assertEquals(List.of(), page.warnings());
    }

    @Test
    void nameFilterKeepsMatchingWheelsAndSdistsOnly() {
        List<IndexFile> files = List.of(
                plain("Foo_Bar-1.0-py3-none-any.whl"),
                plain("foo.bar-2.0.tar.gz"),
                plain("foo-1.0-py3-none-any.whl"),
                plain("foo_bar_baz-1.0-py3-none-any.whl"),
                plain("foo-bar-extra-1.0.tar.gz"),
                plain("foobar-1.0.tar.gz"),
                plain("foo-bar.zip"));
        assertEquals(List.of("Foo_Bar-1.0-py3-none-any.whl", "foo.bar-2.0.tar.gz", "foo-bar-extra-1.0.tar.gz"),
                names(FindLinksSource.filesFor(files, "foo-bar")));
        // sdists: any "-" whose prefix normalises to the name, like pip (foo-bar-extra-1.0 may be foo "bar-extra-1.0")
        assertEquals(List.of("foo-1.0-py3-none-any.whl", "foo-bar-extra-1.0.tar.gz", "foo-bar.zip"),
                names(FindLinksSource.filesFor(files, "foo")));
        assertEquals(List.of(), names(FindLinksSource.filesFor(List.of(plain("foo-bar.zip")), "foo-bar")));
    }

    private static IndexFile plain(String name) {
        return IndexFile.plain(name, URI.create("https://example.org/" + name));
    }

    @Test
    void localDirectorySourceReadsOnceAndFiltersByProject() throws Exception {
        Files.write(dir.resolve("foo-1.0-py3-none-any.whl"), new byte[0]);
        Files.write(dir.resolve("bar-1.0-py3-none-any.whl"), new byte[0]);
        FindLinksSource src = new FindLinksSource(dir.toString(), null, IndexOptions.defaults());
        ProjectPage foo = assertInstanceOf(ProjectResult.Found.class, src.fetchProject("foo")).page();
        assertEquals(List.of("foo-1.0-py3-none-any.whl"), names(foo.files()));
        assertEquals("foo", foo.project());
        // the listing is cached: a file added later is not seen by this instance
        Files.write(dir.resolve("baz-1.0-py3-none-any.whl"), new byte[0]);
        assertEquals(new ProjectResult.NotFound(dir.toUri()), src.fetchProject("baz"));
        ProjectPage all = assertInstanceOf(ProjectResult.Found.class, src.listAll()).page();
        assertEquals(List.of("bar-1.0-py3-none-any.whl", "foo-1.0-py3-none-any.whl"), names(all.files()));
    }

    @Test
    void missingLocalDirectoryIsNotFound() {
        FindLinksSource src = new FindLinksSource(dir.resolve("missing").toString(), null, IndexOptions.defaults());
        assertEquals(new ProjectResult.NotFound(dir.resolve("missing").toUri()), src.fetchProject("foo"));
    }

    @Test
    void singleLocalArchiveIsOneFile() throws Exception {
        Path whl = Files.write(dir.resolve("foo-1.0-py3-none-any.whl"), new byte[0]);
        FindLinksSource src = new FindLinksSource(whl.toUri(), null, IndexOptions.defaults());
        assertEquals(List.of("foo-1.0-py3-none-any.whl"),
                names(assertInstanceOf(ProjectResult.Found.class, src.fetchProject("foo")).page().files()));
    }

    @Test
    void httpPageIsFetchedOnceAndResolvedAgainstFinalUrl() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("/links", TestServer.redirect(302, "/pkgs/links.html"));
            server.on("/pkgs/links.html", TestServer.respond(200, "text/html",
                    "<a href=\"foo-1.0.tar.gz\">f</a><a href=\"bar-1.0.tar.gz\">b</a>"));
            IndexOptions o = IndexOptions.defaults();
            FindLinksSource src = new FindLinksSource(server.url("/links"), new JdkHttpTransport(o), o);
            ProjectPage foo = assertInstanceOf(ProjectResult.Found.class, src.fetchProject("foo")).page();
            assertEquals(List.of(IndexFile.plain("foo-1.0.tar.gz", server.url("/pkgs/foo-1.0.tar.gz"))), foo.files());
            assertInstanceOf(ProjectResult.Found.class, src.fetchProject("bar"));
            assertEquals(1, server.count("/links"));
            assertEquals(List.of("text/html"), server.requests.get(0).headers().get("Accept"));
        }
    }

    @Test
    void httpPageWithWrongContentTypeFails() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("/links", TestServer.respond(200, "application/octet-stream", "x"));
            IndexOptions o = IndexOptions.defaults();
            FindLinksSource src = new FindLinksSource(server.url("/links"), new JdkHttpTransport(o), o);
            String reason = assertInstanceOf(ProjectResult.Failed.class, src.fetchProject("foo")).reason();
            assertEquals("unexpected content type 'application/octet-stream' from find-links " + server.url("/links")
                    + "; expected text/html", reason);
        }
    }

    @Test
    void wheelRuleComparesTheWholeDistributionPart() {
        assertTrue(Names.mayBelongTo("Foo.Bar-1.0-py3-none-any.whl", "foo-bar"));
        assertFalse(Names.mayBelongTo("foo-1.0-py3-none-any.whl", "foo-bar"));
        assertFalse(Names.mayBelongTo("nodash.whl", "nodash"));
    }
}
