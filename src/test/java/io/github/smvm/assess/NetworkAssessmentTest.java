package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.RetryPolicy;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.testing.EmptyMachine;
import io.github.smvm.testing.TestIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole assessments ({@link AssessmentRun}) against indexes served on loopback: offline runs from the
 * cache, retries, the size cap and the index strategy, as they reach {@code wheel-health.json}. Only
 * virtual targets are assessed (the interpreters are not looked for), and no secret of the index URLs
 * may appear in any log line, the report or the cache.
 */
class NetworkAssessmentTest {

    private static final String SECRET = "pw-SECRET-7";
    private static final List<String> TARGETS = List.of("cp312-manylinux_2_28_x86_64", "cp311-win_amd64");

    @TempDir
    Path tmp;

    private final List<StaticIndex> servers = new ArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(StaticIndex::close);
    }

    /** Serves a {@link TestIndex} tree as a PEP 503 index, counting every request; paths can be overridden. */
    static final class StaticIndex implements AutoCloseable {
        final HttpServer server;
        final Path root;
        final AtomicInteger requests = new AtomicInteger();
        final Map<String, AtomicInteger> byPath = new ConcurrentHashMap<>();
        final List<String> order = new CopyOnWriteArrayList<>();
        final Map<String, Handler> overrides = new ConcurrentHashMap<>();

        interface Handler {
            void handle(HttpExchange exchange) throws IOException;
        }

        StaticIndex(Path root) throws IOException {
            this.root = root;
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext("/", this::handle);
            server.start();
        }

        /** The index URL with credentials in it (the server ignores them). */
        String url() {
            return "http://alice:" + SECRET + "@127.0.0.1:" + server.getAddress().getPort() + "/simple/";
        }

        String plainUrl(String path) {
            return "http://127.0.0.1:" + server.getAddress().getPort() + path;
        }

        int count(String path) {
            return byPath.getOrDefault(path, new AtomicInteger()).get();
        }

        private void handle(HttpExchange ex) throws IOException {
            try (ex) {
                requests.incrementAndGet();
                String path = ex.getRequestURI().getPath();
                byPath.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                order.add(path);
                Handler override = overrides.get(path);
                if (override != null) {
                    override.handle(ex);
                    return;
                }
                Path file = root.resolve(path.substring("/simple/".length()));
                if (path.endsWith("/")) {
                    file = file.resolve("index.html");
                }
                if (!path.startsWith("/simple/") || !file.normalize().startsWith(root) || !Files.isRegularFile(file)) {
                    ex.sendResponseHeaders(404, -1);
                    return;
                }
                send(ex, 200, path.endsWith("/") ? "text/html" : "application/octet-stream", Files.readAllBytes(file));
            }
        }

        static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
            ex.getResponseHeaders().set("Content-Type", type);
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private StaticIndex serve(TestIndex index, String name) throws IOException {
        Path root = tmp.resolve(name);
        index.writeTo(root);
        StaticIndex s = new StaticIndex(root.toAbsolutePath().normalize());
        servers.add(s);
        return s;
    }

    private static NetworkSettings network(Path cache) {
        return NetworkSettings.of(5, 4, 0, 64, cache, 600, false);
    }

    private AssessmentRun.Config config(List<String> packages, String indexUrl, List<String> extra, List<String> links,
            NetworkSettings network, IndexStrategy strategy) {
        return new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(), null, Set.of(), Set.of(),
                null, packages), InterpreterRequest.parse("3.12"), InterpreterRequest.parse("3.11"), TARGETS,
                IndexSettings.ofPom(indexUrl, extra, links, null), true, false, network, strategy);
    }

    private AssessmentRun.Result run(AssessmentRun.Config config) {
        return AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(), OnDegraded.FALLBACK, false),
                EmptyMachine.discovery(tmp), Map.of(), log::add);
    }

    /** The report as written (at a fixed time). */
    private static ObjectNode report(AssessmentRun.Result result) {
        return WheelHealthReport.toJson(result.outcome(), 0.9, Instant.EPOCH, result.sources(), result.indexSources());
    }

    /** Every environment's packages array. */
    private static List<JsonNode> packages(ObjectNode report) {
        List<JsonNode> result = new ArrayList<>();
        report.get("environments").forEach(e -> result.add(e.get("packages")));
        return result;
    }

    private static JsonNode pkg(ObjectNode report, String environment, String name) {
        for (JsonNode e : report.get("environments")) {
            if (e.get("id").asText().equals(environment)) {
                for (JsonNode p : e.get("packages")) {
                    if (p.get("name").asText().equals(name)) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError(name + " not in " + environment);
    }

    private void assertNoSecretAnywhere(ObjectNode report, Path cache) throws IOException {
        assertFalse(report.toString().contains(SECRET), report::toString);
        for (String line : log) {
            assertFalse(line.contains(SECRET), line);
        }
        if (cache != null && Files.exists(cache)) {
            try (Stream<Path> files = Files.walk(cache)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains(SECRET), f.toString());
                }
            }
        }
    }

    private static TestIndex sampleIndex() {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib>=1"));
        index.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        index.wheel("lib", "2.0", "lib-2.0-cp312-cp312-manylinux_2_28_x86_64.whl");
        index.sdist("cmod", "1.0", "cmod-1.0.tar.gz");
        return index;
    }

    @Test
    void pagesAreReadAndTargetsResolvedWhileTheInterpretersAreProbed() throws Exception {
        StaticIndex server = serve(sampleIndex(), "index");
        Path python = tmp.resolve("py/bin/python3");
        Files.createDirectories(python.getParent());
        Files.writeString(python, "#!/bin/sh\nexit 1\n");
        List<String> seenWhileProbing = new CopyOnWriteArrayList<>();
        // the probe waits (at most 20 s) for the index to be asked for lib's page, which only the virtual targets'
        // resolution of app's dependencies asks for, then fails like a broken interpreter: a run that waited for
        // the interpreters before reading pages or resolving the targets would leave it waiting and record "0 lib"
        io.github.smvm.probe.InterpreterProbe probe = executable -> {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (server.count("/simple/lib/") == 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            seenWhileProbing.add(server.count("/simple/app/") + " app, " + server.count("/simple/lib/") + " lib");
            throw new io.github.smvm.probe.ProbeException.ExitedNonZero(executable, 1, "broken\n", null);
        };
        io.github.smvm.probe.Discovery discovery = new io.github.smvm.probe.Discovery(
                new io.github.smvm.probe.DefaultDiscoveryContext(Map.of(), tmp, tmp, "Linux",
                        io.github.smvm.process.ProcessRunner.system(), tmp),
                probe, 1, m -> { });
        AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(), null,
                Set.of(), Set.of(), null, List.of("app", "cmod")), InterpreterRequest.parse(python.toString()),
                InterpreterRequest.parse(python.toString()), TARGETS, IndexSettings.ofPom(server.url(), List.of(),
                List.of(), null), true, false, network(null), IndexStrategy.FIRST_INDEX);
        ObjectNode report = report(AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(),
                OnDegraded.FALLBACK, false), discovery, Map.of(), log::add));

        // app's page, app's metadata and lib's page were all read before the probe gave up, lib's only after app's
        assertEquals(List.of("1 app, 1 lib", "1 app, 1 lib"), seenWhileProbing);
        assertTrue(server.order.indexOf("/simple/app/") < server.order.indexOf("/simple/lib/"), server.order::toString);
        assertEquals("unavailable", report.get("primary_python").asText());
        assertEquals("wheel", pkg(report, "cp312-manylinux_2_28_x86_64", "app").get("status").asText());
        assertEquals(1, server.count("/simple/app/"), "each page is read once per run");
    }

    @Test
    void warmRunThenOfflineRunGiveTheSamePackageResultsWithNoRequest() throws IOException {
        StaticIndex server = serve(sampleIndex(), "index");
        TestIndex local = new TestIndex();
        local.wheel("localpkg", "0.1", "localpkg-0.1-py3-none-any.whl");
        Path links = tmp.resolve("links");
        local.writeTo(links.resolve("tree"));
        Files.copy(links.resolve("tree/localpkg/localpkg-0.1-py3-none-any.whl"),
                links.resolve("localpkg-0.1-py3-none-any.whl"));
        Path cache = tmp.resolve("cache");
        List<String> packages = List.of("app", "lib", "cmod", "localpkg", "nowhere");

        ObjectNode warm = report(run(config(packages, server.url(), List.of(), List.of(links.toString()),
                network(cache), IndexStrategy.FIRST_INDEX)));
        int online = server.requests.get();
        assertTrue(online > 0);
        assertEquals("wheel", pkg(warm, "cp312-manylinux_2_28_x86_64", "app").get("status").asText());
        assertEquals("lib-2.0-cp312-cp312-manylinux_2_28_x86_64.whl",
                pkg(warm, "cp312-manylinux_2_28_x86_64", "lib").get("wheel").asText());
        assertEquals("wheel", pkg(warm, "cp311-win_amd64", "localpkg").get("status").asText());
        assertEquals("not_found", pkg(warm, "cp311-win_amd64", "nowhere").get("status").asText());

        log.clear();
        AssessmentRun.Result offlineResult = run(config(packages, server.url(), List.of(), List.of(links.toString()),
                network(cache).withOffline(true), IndexStrategy.FIRST_INDEX));
        ObjectNode offline = report(offlineResult);
        assertEquals(online, server.requests.get(), "the offline run sent no request");
        assertEquals(packages(warm), packages(offline));
        assertTrue(offlineResult.notes().get(0).startsWith("offline: no request leaves the machine; "),
                offlineResult.notes()::toString);
        assertTrue(offlineResult.notes().get(1).contains(" 0 downloaded; metadata: ")
                && offlineResult.notes().get(1).endsWith(" 0 downloaded"), offlineResult.notes()::toString);
        assertNoSecretAnywhere(warm, cache);
        assertNoSecretAnywhere(offline, cache);
    }

    @Test
    void offlineWithoutACachedPageIsAnErrorSayingOfflineWhileLocalSourcesStillWork() throws IOException {
        StaticIndex server = serve(sampleIndex(), "index");
        TestIndex local = new TestIndex();
        local.wheel("localpkg", "0.1", "localpkg-0.1-py3-none-any.whl");
        URI fileIndex = local.writeTo(tmp.resolve("file-index"));
        Path cache = tmp.resolve("cache");
        ObjectNode report = report(run(config(List.of("app", "localpkg"), server.url(),
                List.of(fileIndex.toString()), List.of(), network(cache).withOffline(true), IndexStrategy.UNSAFE_MERGE)));
        assertEquals(0, server.requests.get());
        JsonNode app = pkg(report, "cp312-manylinux_2_28_x86_64", "app");
        assertEquals("error", app.get("status").asText());
        assertTrue(app.get("reason").asText().contains("offline: " + server.plainUrl("/simple/app/")
                + " was not requested"), app::toString);
        assertEquals("wheel", pkg(report, "cp312-manylinux_2_28_x86_64", "localpkg").get("status").asText());
        assertNoSecretAnywhere(report, cache);
    }

    @Test
    void retriesExhaustedGiveAPerPackageErrorWithTheStatus() throws IOException {
        StaticIndex server = serve(sampleIndex(), "index");
        server.overrides.put("/simple/lib/", ex -> StaticIndex.send(ex, 503, "text/plain", "busy".getBytes()));
        NetworkSettings network = network(null).withRetry(
                new RetryPolicy(2, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(1)));
        ObjectNode report = report(run(config(List.of("lib", "cmod"), server.url(), List.of(), List.of(), network,
                IndexStrategy.FIRST_INDEX)));
        JsonNode lib = pkg(report, "cp311-win_amd64", "lib");
        assertEquals("error", lib.get("status").asText());
        assertEquals("could not read " + server.plainUrl("/simple/") + ": every source failed for lib: "
                + server.plainUrl("/simple/") + ": HTTP status 503 from " + server.plainUrl("/simple/lib/")
                + " (3 attempts)", lib.get("reason").asText());
        assertEquals(3, server.count("/simple/lib/"));
        assertEquals("sdist_only", pkg(report, "cp311-win_amd64", "cmod").get("status").asText());
        assertTrue(log.stream().anyMatch(l -> l.equals(server.plainUrl("/simple/lib/")
                + ": HTTP status 503; retrying in 1 ms (attempt 2 of 3)")), log::toString);
        assertNoSecretAnywhere(report, null);
    }

    @Test
    void pageOverTheSizeCapIsAPerPackageErrorNamingTheUrl() throws IOException {
        StaticIndex server = serve(sampleIndex(), "index");
        byte[] huge = ("<html><body>" + " ".repeat(2 * 1024 * 1024) + "</body></html>").getBytes();
        server.overrides.put("/simple/lib/", ex -> StaticIndex.send(ex, 200, "text/html", huge));
        ObjectNode report = report(run(config(List.of("lib"), server.url(), List.of(), List.of(),
                network(null).withMaxResponseBytes(1024 * 1024), IndexStrategy.FIRST_INDEX)));
        JsonNode lib = pkg(report, "cp311-win_amd64", "lib");
        assertEquals("error", lib.get("status").asText());
        assertTrue(lib.get("reason").asText().endsWith("response from " + server.plainUrl("/simple/lib/")
                + " exceeds the size limit of 1 MiB"), lib::toString);
        assertEquals(1, server.count("/simple/lib/"), "an oversize body is not retried");
    }

    @Test
    void projectOnTwoIndexesIsWarnedAboutUnderEitherStrategy() throws IOException {
        TestIndex privateIndex = new TestIndex();
        privateIndex.wheel("corp-utils", "1.2", "corp_utils-1.2-py3-none-any.whl");
        TestIndex publicIndex = new TestIndex();
        publicIndex.wheel("corp-utils", "99.0", "corp_utils-99.0-py3-none-any.whl");
        publicIndex.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        StaticIndex priv = serve(privateIndex, "private");
        StaticIndex pub = serve(publicIndex, "public");

        // pub is the main index, priv an extra one: first-index asks the extra index first, as uv does
        AssessmentRun.Result first = run(config(List.of("corp-utils", "lib"), pub.url(), List.of(priv.url()),
                List.of(), network(null), IndexStrategy.FIRST_INDEX));
        ObjectNode firstReport = report(first);
        JsonNode corp = pkg(firstReport, "cp311-win_amd64", "corp-utils");
        assertEquals("1.2", corp.get("version").asText());
        String warning = "corp-utils is on more than one index (" + priv.plainUrl("/simple/") + ", "
                + pub.plainUrl("/simple/") + "): only " + priv.plainUrl("/simple/") + " is used (first-index); "
                + "check that the others' corp-utils is not a different project of the same name (dependency confusion)";
        assertEquals("[\"" + warning + "\"]", corp.get("index_warnings").toString());
        assertEquals("[]", pkg(firstReport, "cp311-win_amd64", "lib").get("index_warnings").toString());
        assertTrue(first.warnings().contains(warning), first.warnings()::toString);
        assertEquals(List.of(pub.plainUrl("/simple/"), priv.plainUrl("/simple/")), first.sources());

        AssessmentRun.Result merged = run(config(List.of("corp-utils"), pub.url(), List.of(priv.url()), List.of(),
                network(null), IndexStrategy.UNSAFE_MERGE));
        JsonNode corpMerged = pkg(report(merged), "cp311-win_amd64", "corp-utils");
        assertEquals("99.0", corpMerged.get("version").asText());
        ArrayNode warnings = (ArrayNode) corpMerged.get("index_warnings");
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).asText().contains("(unsafe-merge), so any of them can supply corp-utils"));
        assertNoSecretAnywhere(firstReport, null);
    }

    @Test
    void warmCacheMakesNoFullDownloadAfterTheTtlEither() throws IOException {
        StaticIndex server = serve(sampleIndex(), "index");
        Path cache = tmp.resolve("cache");
        run(config(List.of("app"), server.url(), List.of(), List.of(), network(cache), IndexStrategy.FIRST_INDEX));
        int wheelDownloads = server.count("/simple/app/app-1.0-py3-none-any.whl")
                + server.count("/simple/lib/lib-1.0-py3-none-any.whl")
                + server.count("/simple/lib/lib-2.0-cp312-cp312-manylinux_2_28_x86_64.whl");
        assertTrue(wheelDownloads > 0);
        int before = server.requests.get();
        run(config(List.of("app"), server.url(), List.of(), List.of(), network(cache), IndexStrategy.FIRST_INDEX));
        assertEquals(before, server.requests.get(), "fresh pages and hash-keyed metadata: no request at all");
        // with a TTL of 0 the pages are asked again, but the wheels (metadata keyed by their hash) are not
        run(config(List.of("app"), server.url(), List.of(), List.of(), NetworkSettings.of(5, 4, 0, 64, cache, 0, false),
                IndexStrategy.FIRST_INDEX));
        assertEquals(wheelDownloads, server.count("/simple/app/app-1.0-py3-none-any.whl")
                + server.count("/simple/lib/lib-1.0-py3-none-any.whl")
                + server.count("/simple/lib/lib-2.0-cp312-cp312-manylinux_2_28_x86_64.whl"));
    }

    @Test
    void indexSourcesSayWhereEachLocationCameFromWithThePomOverRequirementsOverPipsConfiguration() throws IOException {
        TestIndex a = new TestIndex();
        a.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        TestIndex b = new TestIndex();
        b.wheel("lib", "2.0", "lib-2.0-py3-none-any.whl");
        StaticIndex fromPip = serve(a, "a");
        StaticIndex fromRequirements = serve(b, "b");
        Path wheels = Files.createDirectories(tmp.resolve("wheels"));
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"),
                "--index-url " + fromRequirements.url() + "\nlib\n");
        io.github.smvm.pipconfig.PipConfig pip = new io.github.smvm.pipconfig.PipConfig(
                Optional.of(new io.github.smvm.pipconfig.PipConfig.Setting<>(fromPip.url(), "/x/pip.conf [global]")),
                Optional.empty(),
                Optional.of(new io.github.smvm.pipconfig.PipConfig.Setting<>(List.of(wheels.toString()), "PIP_FIND_LINKS")),
                Optional.empty(), Optional.empty(), List.of("/x/pip.conf", "PIP_FIND_LINKS"));
        RequirementsLoader.Sources sources = new RequirementsLoader.Sources(List.of(requirements), List.of(), null,
                Set.of(), Set.of(), null, List.of());

        // a requirements file's --index-url overrides the one from pip's configuration, as in pip
        AssessmentRun.Result result = run(new AssessmentRun.Config(sources, InterpreterRequest.parse("3.12"),
                InterpreterRequest.parse("3.11"), TARGETS, IndexSettings.resolve(null, List.of(), List.of(), null, pip,
                        true), true, false, network(null), IndexStrategy.FIRST_INDEX));
        ObjectNode json = report(result);
        assertEquals("2.0", pkg(json, "cp311-win_amd64", "lib").get("version").asText());
        assertEquals(0, fromPip.requests.get());
        JsonNode target = json.get("environments").get(2);
        assertEquals("[{\"setting\":\"index-url\",\"value\":\"" + fromRequirements.plainUrl("/simple/")
                + "\",\"origin\":\"requirements\"},{\"setting\":\"find-links\",\"value\":\"" + wheels
                + "\",\"origin\":\"PIP_FIND_LINKS\"}]", target.get("index_sources").toString());
        assertTrue(result.notes().contains("index-url " + fromPip.plainUrl("/simple/") + " from /x/pip.conf [global]"),
                result.notes()::toString);

        // the pom's index-url wins over the requirements file's
        result = run(new AssessmentRun.Config(sources, InterpreterRequest.parse("3.12"), InterpreterRequest.parse("3.11"),
                TARGETS, IndexSettings.resolve(fromPip.url(), List.of(), List.of(), null, pip, true), true, false,
                network(null), IndexStrategy.FIRST_INDEX));
        json = report(result);
        assertEquals("1.0", pkg(json, "cp311-win_amd64", "lib").get("version").asText());
        assertEquals("{\"setting\":\"index-url\",\"value\":\"" + fromPip.plainUrl("/simple/")
                + "\",\"origin\":\"pom\"}", json.get("environments").get(2).get("index_sources").get(0).toString());
        assertNoSecretAnywhere(json, null);
        // an unavailable environment read nothing
        assertEquals("[]", json.get("environments").get(0).get("index_sources").toString());
    }
}
