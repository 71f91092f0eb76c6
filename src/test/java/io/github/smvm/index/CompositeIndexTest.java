package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class CompositeIndexTest {

    /** A source answering from a function, counting calls. */
    static final class Stub implements IndexClient {
        final URI location;
        final Function<String, ProjectResult> answer;
        final AtomicInteger calls = new AtomicInteger();

        Stub(String location, Function<String, ProjectResult> answer) {
            this.location = URI.create(location);
            this.answer = answer;
        }

        @Override
        public URI location() {
            return location;
        }

        @Override
        public ProjectResult fetchProject(String name) {
            calls.incrementAndGet();
            return answer.apply(name);
        }

        @Override
        public Map<String, ProjectResult> fetchAll(Collection<String> names) {
            throw new UnsupportedOperationException();
        }
    }

    private static IndexFile file(String url) {
        URI u = URI.create(url);
        return IndexFile.plain(Urls.fileName(u), u);
    }

    private static ProjectResult found(String pageUrl, List<String> warnings, IndexFile... files) {
        return new ProjectResult.Found(new ProjectPage("foo", URI.create(pageUrl), List.of(files), warnings));
    }

    @Test
    void filesOfAllSourcesAreMergedInSourceOrderWithoutDuplicates() {
        Stub primary = new Stub("https://pypi.example/simple/", n -> found("https://pypi.example/simple/foo/",
                List.of("w1"), file("https://f.example/foo-1.0.tar.gz"), file("https://f.example/foo-2.0.tar.gz")));
        Stub extra = new Stub("https://extra.example/simple/", n -> found("https://extra.example/simple/foo/",
                List.of(), file("https://f.example/foo-2.0.tar.gz"), file("https://extra.example/foo-3.0.tar.gz")));
        CompositeIndex c = new CompositeIndex(List.of(primary, extra), IndexOptions.defaults());
        ProjectPage page = assertInstanceOf(ProjectResult.Found.class, c.fetchProject("foo")).page();
        assertEquals(List.of(file("https://f.example/foo-1.0.tar.gz"), file("https://f.example/foo-2.0.tar.gz"),
                file("https://extra.example/foo-3.0.tar.gz")), page.files());
        assertEquals(URI.create("https://pypi.example/simple/foo/"), page.url());
        assertEquals(List.of("w1"), page.warnings());
    }

    @Test
    void oneFailingSourceDoesNotHideTheOthers() {
        Stub primary = new Stub("https://user:pw@down.example/simple/",
                n -> new ProjectResult.Failed(URI.create("https://down.example/simple/foo/"), "HTTP status 503"));
        Stub links = new Stub("file:///wheels/", n -> found("file:///wheels/", List.of(),
                file("file:///wheels/foo-1.0-py3-none-any.whl")));
        CompositeIndex c = new CompositeIndex(List.of(primary, links), IndexOptions.defaults());
        ProjectPage page = assertInstanceOf(ProjectResult.Found.class, c.fetchProject("foo")).page();
        assertEquals(List.of(file("file:///wheels/foo-1.0-py3-none-any.whl")), page.files());
        assertEquals(URI.create("file:///wheels/"), page.url());
        assertEquals(List.of("https://down.example/simple/: HTTP status 503"), page.warnings());
    }

    @Test
    void failedOnlyWhenEverySourceFailed() {
        Stub a = new Stub("https://a.example/", n -> new ProjectResult.Failed(URI.create("https://a.example/foo/"), "timeout"));
        Stub b = new Stub("https://b.example/", n -> new ProjectResult.Failed(URI.create("https://b.example/foo/"), "HTTP status 500"));
        CompositeIndex c = new CompositeIndex(List.of(a, b), IndexOptions.defaults());
        assertEquals(new ProjectResult.Failed(URI.create("https://a.example/"),
                "every source failed for foo: https://a.example/: timeout; https://b.example/: HTTP status 500"),
                c.fetchProject("foo"));
    }

    @Test
    void notFoundAnywhereWhileSomeSourceFailedIsAFailureSinceWhetherItExistsIsUnknown() {
        Stub a = new Stub("https://a.example/", n -> new ProjectResult.NotFound(URI.create("https://a.example/foo/")));
        Stub b = new Stub("https://b.example/", n -> new ProjectResult.Failed(URI.create("https://b.example/foo/"), "timeout"));
        CompositeIndex c = new CompositeIndex(List.of(a, b), IndexOptions.defaults());
        assertEquals(new ProjectResult.Failed(URI.create("https://b.example/"),
                "foo is not on https://a.example/, and not every source could be read: https://b.example/: timeout"),
                c.fetchProject("foo"));
    }

    @Test
    void notFoundOnEverySourceIsNotFound() {
        Stub a = new Stub("https://a.example/", n -> new ProjectResult.NotFound(URI.create("https://a.example/foo/")));
        Stub links = new Stub("file:///wheels/", n -> new ProjectResult.NotFound(URI.create("file:///wheels/"),
                List.of("skipped x")));
        CompositeIndex c = new CompositeIndex(List.of(a), List.of(links), IndexStrategy.FIRST_INDEX,
                IndexOptions.defaults());
        assertEquals(new ProjectResult.NotFound(URI.create("https://a.example/"), List.of("skipped x")),
                c.fetchProject("foo"));
    }

    /** An index at {@code location} whose pages and files are under the location without its query. */
    private static Stub index(String location, String... files) {
        String base = location.replaceAll("\\?.*$", "");
        return new Stub(location, n -> found(base + n + "/", List.of(),
                java.util.Arrays.stream(files).map(f -> file(base + "files/" + f)).toArray(IndexFile[]::new)));
    }

    @Test
    void firstIndexTakesTheProjectOnlyFromTheFirstIndexThatHasItAndWarns() {
        Stub privateIndex = index("https://private.example/simple/", "foo-1.0-py3-none-any.whl");
        Stub publicIndex = index("https://user:pw@public.example/simple/", "foo-99.0-py3-none-any.whl");
        Stub links = index("file:///wheels/", "foo-0.5-py3-none-any.whl");
        CompositeIndex c = new CompositeIndex(List.of(privateIndex, publicIndex), List.of(links),
                IndexStrategy.FIRST_INDEX, IndexOptions.defaults());
        ProjectPage page = assertInstanceOf(ProjectResult.Found.class, c.fetchProject("foo")).page();
        assertEquals(List.of(file("https://private.example/simple/files/foo-1.0-py3-none-any.whl"),
                file("file:///wheels/files/foo-0.5-py3-none-any.whl")), page.files());
        assertEquals(URI.create("https://private.example/simple/foo/"), page.url());
        assertEquals(List.of("foo is on more than one index (https://private.example/simple/, "
                + "https://public.example/simple/): only https://private.example/simple/ is used (first-index); "
                + "check that the others' foo is not a different project of the same name (dependency confusion)"),
                page.indexWarnings());
        assertEquals(1, publicIndex.calls.get(), "every index is asked, to warn");
    }

    @Test
    void firstIndexSkipsIndexesWithoutTheProjectOrThatFailed() {
        Stub down = new Stub("https://down.example/simple/",
                n -> new ProjectResult.Failed(URI.create("https://down.example/simple/foo/"), "HTTP status 503"));
        Stub empty = new Stub("https://empty.example/simple/",
                n -> new ProjectResult.NotFound(URI.create("https://empty.example/simple/foo/")));
        Stub has = index("https://has.example/simple/", "foo-2.0-py3-none-any.whl");
        CompositeIndex c = new CompositeIndex(List.of(down, empty, has), List.of(), IndexStrategy.FIRST_INDEX,
                IndexOptions.defaults());
        ProjectPage page = assertInstanceOf(ProjectResult.Found.class, c.fetchProject("foo")).page();
        assertEquals(List.of(file("https://has.example/simple/files/foo-2.0-py3-none-any.whl")), page.files());
        assertEquals(List.of("https://down.example/simple/: HTTP status 503"), page.warnings());
        assertEquals(List.of(), page.indexWarnings());
    }

    @Test
    void unsafeMergeTakesEveryIndexsFilesAndWarns() {
        Stub a = index("https://a.example/simple/", "foo-1.0-py3-none-any.whl");
        Stub b = index("https://b.example/simple/?token=abc", "foo-99.0-py3-none-any.whl");
        CompositeIndex c = new CompositeIndex(List.of(a, b), List.of(), IndexStrategy.UNSAFE_MERGE,
                IndexOptions.defaults());
        ProjectPage page = assertInstanceOf(ProjectResult.Found.class, c.fetchProject("foo")).page();
        assertEquals(2, page.files().size());
        assertEquals(List.of("foo is on more than one index (https://a.example/simple/, "
                + "https://b.example/simple/?token=****): the files of all of them are considered (unsafe-merge), "
                + "so any of them can supply foo (dependency-confusion risk)"), page.indexWarnings());
    }

    @Test
    void projectOnOneIndexAndInFindLinksIsNoConfusion() {
        Stub a = index("https://a.example/simple/", "foo-1.0-py3-none-any.whl");
        Stub links = index("file:///wheels/", "foo-1.0-py3-none-any.whl");
        for (IndexStrategy s : IndexStrategy.values()) {
            ProjectPage page = assertInstanceOf(ProjectResult.Found.class,
                    new CompositeIndex(List.of(a), List.of(links), s, IndexOptions.defaults()).fetchProject("foo"))
                    .page();
            assertEquals(List.of(), page.indexWarnings());
            assertEquals(2, page.files().size());
        }
    }

    @Test
    void strategyNamesParse() {
        assertEquals(IndexStrategy.FIRST_INDEX, IndexStrategy.parse(" First-Index "));
        assertEquals(IndexStrategy.UNSAFE_MERGE, IndexStrategy.parse("unsafe-merge"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> IndexStrategy.parse("merge"));
        assertEquals("'merge' is not an index strategy: use first-index (the default) or unsafe-merge", e.getMessage());
    }

    @Test
    void fetchAllAsksEachSourceOncePerProject() {
        Stub a = new Stub("https://a.example/", n -> new ProjectResult.NotFound(URI.create("https://a.example/" + n + "/")));
        CompositeIndex c = new CompositeIndex(List.of(a), IndexOptions.defaults().withMaxInFlight(2));
        Map<String, ProjectResult> all = c.fetchAll(List.of("x", "Y", "x", "z", "y"));
        assertEquals(List.of("x", "y", "z"), List.copyOf(all.keySet()));
        assertEquals(3, a.calls.get());
        c.fetchAll(List.of("x", "y", "z"));
        assertEquals(3, a.calls.get());
    }

    @Test
    void sourceThatThrowsBecomesAFailure() {
        Stub a = new Stub("https://a.example/", n -> {
            throw new IllegalStateException("bug");
        });
        ProjectResult r = new CompositeIndex(List.of(a), IndexOptions.defaults()).fetchProject("foo");
        assertEquals(new ProjectResult.Failed(URI.create("https://a.example/"),
                "unexpected error fetching foo: java.lang.IllegalStateException: bug"), r);
    }
}
