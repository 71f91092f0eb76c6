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
    void notFoundAnywhereWithSomeFailuresIsNotFoundCarryingTheFailures() {
        Stub a = new Stub("https://a.example/", n -> new ProjectResult.NotFound(URI.create("https://a.example/foo/")));
        Stub b = new Stub("https://b.example/", n -> new ProjectResult.Failed(URI.create("https://b.example/foo/"), "timeout"));
        CompositeIndex c = new CompositeIndex(List.of(a, b), IndexOptions.defaults());
        assertEquals(new ProjectResult.NotFound(URI.create("https://a.example/"), List.of("https://b.example/: timeout")),
                c.fetchProject("foo"));
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
