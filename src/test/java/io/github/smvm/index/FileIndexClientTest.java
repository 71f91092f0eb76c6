package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileIndexClientTest {

    @TempDir
    Path root;

    @Test
    void readsIndexHtmlOfTheProjectDirectory() throws Exception {
        Path dir = Files.createDirectories(root.resolve("foo-bar"));
        Files.writeString(dir.resolve("index.html"),
                "<a href=\"foo_bar-1.0-py3-none-any.whl#sha256=12\" data-requires-python=\"&gt;=3.8\">w</a>"
                        + "<a href=\"../../elsewhere/foo_bar-1.0.tar.gz\">s</a>");
        IndexClient c = IndexClient.simpleIndex(root.toUri().toString(), null, IndexOptions.defaults());
        assertInstanceOf(FileIndexClient.class, c);
        ProjectPage page = assertInstanceOf(ProjectResult.Found.class, c.fetchProject("Foo.Bar")).page();
        assertEquals("foo-bar", page.project());
        assertEquals(dir.resolve("index.html").toUri(), page.url());
        assertEquals(List.of(
                new IndexFile("foo_bar-1.0-py3-none-any.whl", dir.resolve("foo_bar-1.0-py3-none-any.whl").toUri(),
                        Map.of("sha256", "12"), ">=3.8", false, null, false, Map.of()),
                IndexFile.plain("foo_bar-1.0.tar.gz", root.getParent().resolve("elsewhere/foo_bar-1.0.tar.gz").toUri())),
                page.files());
    }

    @Test
    void missingProjectDirectoryIsNotFound() {
        ProjectResult r = new FileIndexClient(root, IndexOptions.defaults()).fetchProject("nope");
        assertEquals(new ProjectResult.NotFound(root.resolve("nope").toUri()), r);
    }

    @Test
    void projectDirectoryWithoutIndexHtmlIsNotFoundLikePip() throws Exception {
        Path dir = Files.createDirectories(root.resolve("foo"));
        Files.write(dir.resolve("foo-1.0-py3-none-any.whl"), new byte[] {1});
        ProjectResult r = new FileIndexClient(root, IndexOptions.defaults()).fetchProject("foo");
        assertEquals(new ProjectResult.NotFound(dir.resolve("index.html").toUri()), r);
    }

    @Test
    void oversizeIndexHtmlFails() throws Exception {
        Path dir = Files.createDirectories(root.resolve("foo"));
        Files.writeString(dir.resolve("index.html"), "x".repeat(200));
        ProjectResult r = new FileIndexClient(root, IndexOptions.defaults().withMaxBytes(100)).fetchProject("foo");
        String reason = assertInstanceOf(ProjectResult.Failed.class, r).reason();
        assertTrue(reason.endsWith("index.html exceeds the size limit of 100 bytes"), reason);
    }

    @Test
    void plainPathIsAcceptedAsLocation() throws Exception {
        Files.createDirectories(root.resolve("foo"));
        Files.writeString(root.resolve("foo/index.html"), "<a href=\"foo-1.0.tar.gz\">s</a>");
        IndexClient c = IndexClient.simpleIndex(root.toString(), null, IndexOptions.defaults());
        assertEquals(root.toUri(), c.location());
        assertEquals(1, assertInstanceOf(ProjectResult.Found.class, c.fetchProject("foo")).page().files().size());
    }
}
