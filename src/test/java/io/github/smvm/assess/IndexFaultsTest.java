package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.RetryPolicy;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.selection.Status;
import io.github.smvm.testing.EmptyMachine;
import io.github.smvm.testing.PipReference;
import io.github.smvm.testing.PyenvInterpreters;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.testing.TestWheels;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One whole assessment ({@link AssessmentRun} with the real {@code JdkHttpTransport}, retries and disk cache)
 * against one loopback index on which every project's page misbehaves in its own way, next to two healthy
 * projects: each fault must end as that project's own result with a reason naming the fault, and must not
 * disturb the others. Only a virtual target is assessed (the machine's interpreters are not looked for).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class IndexFaultsTest {

    private static final String TARGET = "cp312-manylinux_2_28_x86_64";
    private static final Duration TIMEOUT = Duration.ofMillis(700);
    /** The size cap of the run: the 10 MB hostile page fits, the 12 MiB page does not. */
    private static final long CAP = 11L * 1024 * 1024;

    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService pool;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Handler> pages = new ConcurrentHashMap<>();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private Path root;

    interface Handler {
        void handle(HttpExchange exchange, int count) throws IOException;
    }

    @BeforeEach
    void start() throws IOException {
        TestIndex index = new TestIndex();
        index.wheel("healthy-one", "1.0", "healthy_one-1.0-py3-none-any.whl");
        index.wheel("healthy-two", "2.0", "healthy_two-2.0-py3-none-any.whl");
        index.wheel("flaky", "1.0", "flaky-1.0-py3-none-any.whl");
        index.wheel("hostile", "1.0", "hostile-1.0-py3-none-any.whl");
        root = tmp.resolve("index");
        index.writeTo(root);
        pool = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(pool);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
        pool.shutdownNow();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private int count(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            int n = requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Handler page = pages.get(path);
            if (page != null) {
                page.handle(ex, n);
                return;
            }
            serveFromTree(ex, path);
        }
    }

    private void serveFromTree(HttpExchange ex, String path) throws IOException {
        Path file = path.startsWith("/simple/") ? root.resolve(path.substring("/simple/".length())) : null;
        if (file != null && path.endsWith("/")) {
            file = file.resolve("index.html");
        }
        if (file == null || !file.normalize().startsWith(root) || !Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        send(ex, 200, path.endsWith("/") ? "text/html" : "application/octet-stream", Files.readAllBytes(file));
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        send(ex, status, type, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The hostile page: a 10 MB attribute, unclosed tags, NUL and out-of-range character references, a
     * billion-laughs DTD, a link whose name an entity spoils, and among all that one valid link. */
    private String hostilePage() throws IOException {
        String healthy = Files.readString(root.resolve("hostile/index.html"));
        String link = healthy.substring(healthy.indexOf("<a "), healthy.indexOf("</a>") + 4);
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html [\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            page.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">\n");
        }
        page.append("]>\n<html><head><title>&lol9;</title><body><h1>Links for hostile &lol9;\n");
        page.append("<div title=\"").append("A".repeat(10_000_000)).append("\">\n");
        page.append("<p>&#0; &#x110000; &#99999999999999999999; &#xFFFFFFFFFFFFFFFF; &; &#; &#x; &amp&lt&gt\n");
        for (int i = 0; i < 2_000; i++) {
            page.append("<b><i><a name=\"n").append(i).append("\"><table><tr><td>");
        }
        page.append(link).append('\n');
        page.append("<a href=\"hostile-3.0-py3-none-any.whl&#0;\" data-requires-python=\"&lol9;\">spoilt</a>\n");
        page.append("<a href=\"hostile-2.0-py3-none-any.whl\" data-yanked=\"&#0;\" data-requires-python=\"&#x110000;\">");
        page.append("<!-- unclosed comment and unclosed anchor");
        return page.toString();
    }

    private void misbehave() throws IOException {
        pages.put("/simple/flaky/", (ex, n) -> {
            if (n == 1) {
                send(ex, 500, "text/plain", "internal error");
            } else {
                serveFromTree(ex, "/simple/flaky/");
            }
        });
        pages.put("/simple/missing/", (ex, n) -> send(ex, 404, "text/plain", "no such project"));
        pages.put("/simple/slow/", (ex, n) -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        pages.put("/simple/cut/", (ex, n) -> {
            ex.getResponseHeaders().set("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 1_000);
            OutputStream out = ex.getResponseBody();
            out.write("<html><body><a href=\"cut-1.0-py3-none-any.whl\">cut".getBytes(StandardCharsets.UTF_8));
            out.flush();
            // the connection closes here, 950 bytes short of the declared length
        });
        pages.put("/simple/bad-json/", (ex, n) -> send(ex, 200, "application/vnd.pypi.simple.v1+json",
                "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"bad-json\", \"files\": [{\"filename\": "));
        String hostile = hostilePage();
        pages.put("/simple/hostile/", (ex, n) -> send(ex, 200, "text/html; charset=utf-8", hostile));
        pages.put("/simple/loop/", (ex, n) -> redirect(ex, "/mirror/loop/"));
        pages.put("/mirror/loop/", (ex, n) -> redirect(ex, "/simple/loop/"));
        byte[] big = new byte[12 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        pages.put("/simple/big/", (ex, n) -> send(ex, 200, "text/html", big));
        pages.put("/simple/wrong-type/", (ex, n) -> send(ex, 200, "application/octet-stream",
                "<a href=\"wrong_type-1.0-py3-none-any.whl\">x</a>"));
        pages.put("/simple/evil/", (ex, n) -> send(ex, 200, "text/html",
                "<a href=\"..%2F..%2Fevil-1.0-py3-none-any.whl\">1</a>"
                        + "<a href=\"sub%2Fevil-1.1-py3-none-any.whl\">2</a>"
                        + "<a href=\"..%5Cevil-1.2-py3-none-any.whl\">3</a>"
                        + "<a href=\"%2E%2E\">4</a>"));
        pages.put("/simple/evil-json/", (ex, n) -> send(ex, 200, "application/vnd.pypi.simple.v1+json",
                "{\"meta\": {\"api-version\": \"1.1\"}, \"name\": \"evil-json\", \"files\": ["
                        + "{\"filename\": \"../../evil_json-1.0-py3-none-any.whl\", "
                        + "\"url\": \"..%2F..%2Fevil_json-1.0-py3-none-any.whl\", \"hashes\": {}},"
                        + "{\"filename\": \"/etc/evil_json-1.1-py3-none-any.whl\", "
                        + "\"url\": \"/files/a%2Fevil_json-1.1-py3-none-any.whl\", \"hashes\": {}}]}"));
    }

    private static void redirect(HttpExchange ex, String location) throws IOException {
        ex.getResponseHeaders().set("Location", location);
        ex.sendResponseHeaders(302, -1);
    }

    private AssessmentRun.Result run(List<String> packages) {
        NetworkSettings network = new NetworkSettings(TIMEOUT, 4,
                new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)), CAP,
                tmp.resolve("cache"), Duration.ofMinutes(10), false);
        AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(),
                null, Set.of(), Set.of(), null, packages), InterpreterRequest.parse("3.12"),
                InterpreterRequest.parse("3.11"), List.of(TARGET), IndexSettings.ofPom(url("/simple/"), List.of(),
                List.of(), null), true, false, network, IndexStrategy.FIRST_INDEX);
        return AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(), OnDegraded.FALLBACK, false),
                EmptyMachine.discovery(tmp), Map.of(), log::add);
    }

    private static PackageResult pkg(AssessmentRun.Result result, String name) {
        return result.outcome().environments().stream().filter(e -> e.environment().id().equals(TARGET))
                .flatMap(e -> e.packages().stream()).filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not assessed"));
    }

    /** The reason of a project the only index could not give. */
    private String failedOn(String project, String why) {
        return "could not read " + url("/simple/") + ": every source failed for " + project + ": " + url("/simple/")
                + ": " + why;
    }

    @Test
    void everyMisbehavingPageIsItsProjectsOwnResultAndTheHealthyProjectsAreAssessed() throws IOException {
        misbehave();
        List<String> names = List.of("healthy-one", "flaky", "missing", "slow", "cut", "bad-json", "hostile", "loop",
                "big", "wrong-type", "evil", "evil-json", "healthy-two");
        long t0 = System.nanoTime();
        AssessmentRun.Result result = run(names);
        System.out.printf("IndexFaultsTest: %d projects with faults assessed in %d ms%n", names.size(),
                (System.nanoTime() - t0) / 1_000_000);
        List<String> table = new ArrayList<>();
        for (String name : names) {
            PackageResult p = pkg(result, name);
            table.add(name + " " + p.status() + " " + p.reason());
        }
        System.out.println(String.join("\n", table));

        assertEquals(Status.WHEEL, pkg(result, "healthy-one").status());
        assertEquals("healthy_one-1.0-py3-none-any.whl", pkg(result, "healthy-one").wheel());
        assertEquals(Status.WHEEL, pkg(result, "healthy-two").status());
        assertEquals("healthy_two-2.0-py3-none-any.whl", pkg(result, "healthy-two").wheel());

        // 500 then 200: retried, and the answer is the healthy one
        assertEquals(Status.WHEEL, pkg(result, "flaky").status());
        assertEquals("flaky-1.0-py3-none-any.whl", pkg(result, "flaky").wheel());
        assertEquals(2, count("/simple/flaky/"));
        assertTrue(log.contains(url("/simple/flaky/") + ": HTTP status 500; retrying in 1 ms (attempt 2 of 2)"),
                log::toString);

        // 404 means the index has no such project, as for pip ("from versions: none"): not an error
        assertEquals(Status.NOT_FOUND, pkg(result, "missing").status());
        assertEquals("no project 'missing' on " + url("/simple/"), pkg(result, "missing").reason());
        assertEquals(1, count("/simple/missing/"));

        assertEquals(Status.ERROR, pkg(result, "slow").status());
        assertEquals(failedOn("slow", "request to " + url("/simple/slow/") + " timed out after 700 ms (2 attempts)"),
                pkg(result, "slow").reason());
        assertEquals(2, count("/simple/slow/"));

        assertEquals(Status.ERROR, pkg(result, "cut").status());
        assertEquals(failedOn("cut", "response from " + url("/simple/cut/") + " ended early: the connection closed "
                + "before the whole body arrived (50 of 1000 bytes) (2 attempts)"),
                pkg(result, "cut").reason());

        assertEquals(Status.ERROR, pkg(result, "bad-json").status());
        assertTrue(pkg(result, "bad-json").reason().startsWith(failedOn("bad-json", "malformed JSON page "
                + url("/simple/bad-json/") + " at line 1, column ")), pkg(result, "bad-json").reason());

        // hostile HTML: parsed within the cap, without expanding entities, and the one valid link is found
        assertEquals(Status.WHEEL, pkg(result, "hostile").status(), pkg(result, "hostile")::reason);
        assertEquals("hostile-1.0-py3-none-any.whl", pkg(result, "hostile").wheel());

        assertEquals(Status.ERROR, pkg(result, "loop").status());
        assertEquals(failedOn("loop", "redirect loop: " + url("/simple/loop/") + " -> " + url("/mirror/loop/")
                + " -> " + url("/simple/loop/")), pkg(result, "loop").reason());

        assertEquals(Status.ERROR, pkg(result, "big").status());
        assertEquals(failedOn("big", "response from " + url("/simple/big/") + " exceeds the size limit of 11 MiB"),
                pkg(result, "big").reason());
        assertEquals(1, count("/simple/big/"), "an oversize body is not retried");

        assertEquals(Status.ERROR, pkg(result, "wrong-type").status());
        assertEquals(failedOn("wrong-type", "unexpected content type 'application/octet-stream' from "
                + url("/simple/wrong-type/") + "; expected application/vnd.pypi.simple.v1+json, "
                + "application/vnd.pypi.simple.v1+html or text/html"), pkg(result, "wrong-type").reason());

        // a file name with a path separator or '..' is never used: skipped with a warning, never requested
        for (String evil : List.of("evil", "evil-json")) {
            assertEquals(Status.NO_VERSION, pkg(result, evil).status());
            assertEquals("the index lists no installable files for " + evil, pkg(result, evil).reason());
        }
        assertEquals(List.of(
                "skipped link " + url("/simple/evil/..%2F..%2Fevil-1.0-py3-none-any.whl")
                        + ": file name '../../evil-1.0-py3-none-any.whl' contains '..'",
                "skipped link " + url("/simple/evil/sub%2Fevil-1.1-py3-none-any.whl")
                        + ": file name 'sub/evil-1.1-py3-none-any.whl' contains a path separator",
                "skipped link " + url("/simple/evil/..%5Cevil-1.2-py3-none-any.whl")
                        + ": file name '..\\evil-1.2-py3-none-any.whl' contains '..'",
                "skipped link " + url("/simple/evil/%2E%2E") + ": file name '..' contains '..'"),
                pkg(result, "evil").indexWarnings());
        assertEquals(2, pkg(result, "evil-json").indexWarnings().size(), () -> pkg(result, "evil-json").indexWarnings().toString());
        assertTrue(result.warnings().containsAll(pkg(result, "evil").indexWarnings()), result.warnings()::toString);
        requests.keySet().forEach(path -> assertFalse(path.contains("evil") && !path.endsWith("/"), path));
        try (Stream<Path> files = Files.walk(tmp)) {
            files.forEach(f -> assertFalse(f.getFileName().toString().contains("evil"), f.toString()));
        }
    }

    /**
     * pip 23 on the same pages: it finds the hostile page's one valid link as we do, but it takes a link's
     * file name from the percent-decoded path, so {@code sub%2Fevil-1.1-py3-none-any.whl} is evil 1.1 to it and
     * it downloads that URL (saving the file under the last segment). We refuse such a link instead: a name with
     * a path separator or {@code ..} is never a candidate, so the same page gives us no file and a warning.
     */
    @Test
    void pipTakesTheHostilePagesValidLinkAsWeDoAndAnEncodedSeparatorWhereWeRefuseIt() throws Exception {
        Path python = PyenvInterpreters.any();
        misbehave();
        byte[] evilWheel = TestWheels.wheel("evil-1.1-py3-none-any.whl", "evil", "1.1", null, List.of());
        pages.put("/simple/evil/sub%2Fevil-1.1-py3-none-any.whl",
                (ex, n) -> send(ex, 200, "application/octet-stream", evilWheel));
        Path work = Files.createDirectories(tmp.resolve("pip"));
        PipReference.Result pip = new PipReference(python, work, Duration.ofSeconds(60))
                .choose(List.of("hostile", "evil"), URI.create(url("/simple/")), List.of());
        assertEquals("1.0 hostile-1.0-py3-none-any.whl", pip.choices().get("hostile").summary());
        assertEquals("1.1 evil-1.1-py3-none-any.whl", pip.choices().get("evil").summary());
        assertEquals(url("/simple/evil/sub%2Fevil-1.1-py3-none-any.whl"), pip.choices().get("evil").url());

        requests.clear();
        AssessmentRun.Result ours = run(List.of("hostile", "evil"));
        assertEquals("hostile-1.0-py3-none-any.whl", pkg(ours, "hostile").wheel());
        assertEquals(Status.NO_VERSION, pkg(ours, "evil").status());
        assertEquals(0, count("/simple/evil/sub%2Fevil-1.1-py3-none-any.whl"));
    }
}
