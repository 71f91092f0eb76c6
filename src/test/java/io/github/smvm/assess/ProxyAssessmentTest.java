package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.NonProxyHosts;
import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.ProxyServer;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.report.ReportFormat;
import io.github.smvm.report.WheelHealthOutputs;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.testing.EmptyMachine;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.testing.TreeIndexServer;
import io.github.smvm.testing.TestProxy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole assessments whose index is reached through a loopback proxy that demands Basic credentials: every
 * request goes through the proxy with them, the index never sees a proxy header, a missing password is an
 * {@code error} naming the proxy, {@code nonProxyHosts} bypasses it, and the password is in no log line and no
 * report file.
 */
class ProxyAssessmentTest {

    private static final String PASSWORD = "pr0xy-SECRET-pa55";
    private static final String TARGET = "cp312-manylinux_2_28_x86_64";

    @TempDir
    Path tmp;

    private TreeIndexServer origin;
    private TestProxy proxy;
    private final List<String> originRequests = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib>=1"));
        index.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        Path root = tmp.resolve("index");
        index.writeTo(root);
        // records each path and whether a proxy header reached the index
        origin = TreeIndexServer.start(root, (ex, path) -> {
            boolean proxyHeader = ex.getRequestHeaders().keySet().stream()
                    .anyMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("proxy-"));
            originRequests.add(path + (proxyHeader ? " WITH PROXY HEADER" : ""));
            return false;
        });
        proxy = new TestProxy("bob", PASSWORD);
    }

    @AfterEach
    void stop() {
        origin.close();
        proxy.close();
    }

    private String indexUrl() {
        return origin.simpleUrl();
    }

    private ProxyServer settingsProxy(String user, String password, String nonProxyHosts) {
        return new ProxyServer("http", "127.0.0.1", proxy.port(), user, password, NonProxyHosts.maven(nonProxyHosts),
                "settings.xml <proxy> 'corp'");
    }

    private ObjectNode assess(ProxyConfig proxies) throws IOException {
        AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(),
                null, Set.of(), Set.of(), null, List.of("app")), io.github.smvm.probe.InterpreterRequest.parse("3.12"),
                io.github.smvm.probe.InterpreterRequest.parse("3.11"), List.of(TARGET),
                IndexSettings.ofPom(indexUrl(), List.of(), List.of(), null), true, false,
                NetworkSettings.of(5, 2, 0, 64, null, 600, false).withProxy(proxies), IndexStrategy.FIRST_INDEX);
        AssessmentRun.Result result = AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(),
                OnDegraded.FALLBACK, false), EmptyMachine.discovery(tmp), Map.of(), log::add);
        result.warnings().forEach(log::add);
        result.notes().forEach(log::add);
        ObjectNode report = WheelHealthReport.toJson(result.outcome(), 0.9, Instant.EPOCH, result.sources(),
                result.indexSources());
        WheelHealthReport.write(tmp.resolve("smvm/wheel-health.json"), report);
        WheelHealthOutputs.write(tmp.resolve("smvm"), report, new WheelHealthOutputs.Options(
                EnumSet.allOf(ReportFormat.class), tmp.resolve("smvm/history.jsonl"), 10, null));
        return report;
    }

    private static JsonNode app(ObjectNode report) {
        for (JsonNode e : report.get("environments")) {
            if (e.get("id").asText().equals(TARGET)) {
                for (JsonNode p : e.get("packages")) {
                    if (p.get("name").asText().equals("app")) {
                        return p;
                    }
                }
            }
        }
        throw new AssertionError("app not in " + report);
    }

    private static List<String> indexSources(ObjectNode report) {
        List<String> result = new ArrayList<>();
        for (JsonNode e : report.get("environments")) {
            if (e.get("id").asText().equals(TARGET)) {
                e.get("index_sources").forEach(s -> result.add(s.get("setting").asText() + " "
                        + s.get("value").asText() + " " + s.get("origin").asText()));
            }
        }
        return result;
    }

    /** The password, as Basic carries it too, is in no log line and in no file the run wrote. */
    private void assertNoSecret() throws IOException {
        List<String> secrets = List.of(PASSWORD, Base64.getEncoder().encodeToString(("bob:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)));
        assertFalse(log.isEmpty());
        for (String line : log) {
            secrets.forEach(s -> assertFalse(line.contains(s), line));
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(tmp.resolve("smvm"))) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(6, files.size(), files::toString); // json, html, md, junit, the history and its lock
        for (Path file : files) {
            String text = Files.readString(file);
            secrets.forEach(s -> assertFalse(text.contains(s), file + " contains a secret"));
        }
    }

    @Test
    void everyRequestGoesThroughTheProxyWithItsCredentialsAndTheIndexSeesNoProxyHeader() throws IOException {
        ObjectNode report = assess(ProxyConfig.maven(List.of(settingsProxy("bob", PASSWORD, "*.corp"))));
        assertEquals("wheel", app(report).get("status").asText(), app(report)::toString);
        String base = indexUrl();
        assertEquals(List.of("GET " + base + "app/ authorized", "GET " + base + "app/app-1.0-py3-none-any.whl authorized",
                "GET " + base + "lib/ authorized", "GET " + base + "lib/lib-1.0-py3-none-any.whl authorized"),
                proxy.requests().stream().map(r -> r.method() + " " + r.target() + (r.authorized() ? " authorized"
                        : " refused")).toList());
        assertEquals(List.of("/simple/app/", "/simple/app/app-1.0-py3-none-any.whl", "/simple/lib/",
                "/simple/lib/lib-1.0-py3-none-any.whl"), originRequests);
        assertTrue(log.contains("proxy: http URLs via 127.0.0.1:" + proxy.port() + " (settings.xml <proxy> 'corp', "
                + "user bob), direct for *.corp; https URLs via the http proxy"), log::toString);
        assertEquals(List.of("index-url " + base + " pom", "http-proxy http://127.0.0.1:" + proxy.port()
                + " settings.xml <proxy> 'corp'", "https-proxy http://127.0.0.1:" + proxy.port()
                + " settings.xml <proxy> 'corp'"), indexSources(report));
        assertNoSecret();
    }

    @Test
    void withoutCredentialsEachPackageIsAnErrorNamingTheProxy() throws IOException {
        ObjectNode report = assess(ProxyConfig.maven(List.of(settingsProxy(null, null, null))));
        JsonNode app = app(report);
        assertEquals("error", app.get("status").asText(), app::toString);
        assertEquals("could not read " + indexUrl() + ": every source failed for app: " + indexUrl() + ": proxy "
                + "127.0.0.1:" + proxy.port() + " (settings.xml <proxy> 'corp') refused the request (HTTP 407) for "
                + indexUrl() + "app/: it wants credentials; give settings.xml <proxy> 'corp' a <username> and "
                + "<password>", app.get("reason").asText());
        assertEquals(List.of(), originRequests);
        assertFalse(proxy.requests().isEmpty());
        assertTrue(proxy.requests().stream().noneMatch(TestProxy.Request::authorized), proxy.requests()::toString);
    }

    @Test
    void aHostInNonProxyHostsIsReadDirectlyAndTheProxySeesNothing() throws IOException {
        ObjectNode report = assess(ProxyConfig.maven(List.of(settingsProxy("bob", PASSWORD, "localhost|127.0.0.1"))));
        assertEquals("wheel", app(report).get("status").asText());
        assertEquals(List.of(), proxy.requests());
        assertEquals(List.of("/simple/app/", "/simple/app/app-1.0-py3-none-any.whl", "/simple/lib/",
                "/simple/lib/lib-1.0-py3-none-any.whl"), originRequests);
        assertNoSecret();
    }

    @Test
    void theEnvironmentsProxyWithCredentialsInItsUrlIsUsedAndNamedByItsVariable() throws IOException {
        ObjectNode report = assess(ProxyConfig.fromEnvironment(Map.of("HTTP_PROXY",
                "http://bob:" + PASSWORD + "@127.0.0.1:" + proxy.port(), "NO_PROXY", "pypi.corp")));
        assertEquals("wheel", app(report).get("status").asText());
        assertEquals(4, proxy.requests().stream().filter(TestProxy.Request::authorized).count());
        assertEquals(List.of("index-url " + indexUrl() + " pom", "http-proxy http://127.0.0.1:" + proxy.port()
                + " HTTP_PROXY"), indexSources(report));
        assertNoSecret();
    }
}
