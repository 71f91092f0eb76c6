package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.Netrc;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.testing.EmptyMachine;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.testing.TreeIndexServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole assessments against a loopback index that demands a custom header or netrc credentials; the
 * index's files live on another origin (a second loopback port) that must never get them. No secret
 * reaches a log line or the report.
 */
class HeaderAndNetrcAssessmentTest {

    private static final String API_KEY = "AKCp8-api-key-SECRET-41";
    private static final String NETRC_PASSWORD = "n3trc-pa55-SECRET-42";
    private static final String TARGET = "cp312-manylinux_2_28_x86_64";

    @TempDir
    Path tmp;

    private TreeIndexServer index;
    private TreeIndexServer files;
    private Path root;
    private final List<String> indexRequests = new CopyOnWriteArrayList<>();
    private final List<String> fileRequests = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        TestIndex packages = new TestIndex();
        packages.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib>=1"));
        packages.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        root = tmp.resolve("index");
        packages.writeTo(root);
        files = TreeIndexServer.start(root, (ex, path) -> {
            fileRequests.add(path + " headers=" + ex.getRequestHeaders().keySet().stream()
                    .filter(h -> h.equalsIgnoreCase("Authorization") || h.equalsIgnoreCase("X-JFrog-Art-Api")).toList());
            return false;
        });
    }

    @AfterEach
    void stop() {
        if (index != null) {
            index.close();
        }
        files.close();
    }

    /** Pages need {@code authorized}; each wheel link is a redirect to the files server. */
    private void startIndex(Predicate<HttpExchange> authorized) {
        index = TreeIndexServer.start(root, (ex, path) -> {
            boolean ok = authorized.test(ex);
            indexRequests.add((ok ? "authorized " : "refused ") + path);
            if (!ok) {
                ex.sendResponseHeaders(401, -1);
                return true;
            }
            if (path.endsWith(".whl")) {
                ex.getResponseHeaders().set("Location", "http://127.0.0.1:" + files.port() + path);
                ex.sendResponseHeaders(302, -1);
                return true;
            }
            return false;
        });
    }

    private String indexUrl() {
        return index.simpleUrl();
    }

    private ObjectNode assess(IndexAuthentication authentication) {
        AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(),
                null, Set.of(), Set.of(), null, List.of("app")), InterpreterRequest.parse("3.12"),
                InterpreterRequest.parse("3.11"), List.of(TARGET), IndexSettings.ofPom(indexUrl(), List.of(), List.of(),
                        null), true, false, NetworkSettings.of(5, 2, 0, 64, null, 600, false),
                IndexStrategy.FIRST_INDEX, authentication);
        AssessmentRun.Result result = AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(),
                OnDegraded.FALLBACK, false), EmptyMachine.discovery(tmp), Map.of(), log::add);
        result.warnings().forEach(log::add);
        result.notes().forEach(log::add);
        return WheelHealthReport.toJson(result.outcome(), 0.9, Instant.EPOCH, result.sources(), result.indexSources());
    }

    private static String appStatus(ObjectNode report) {
        for (JsonNode e : report.get("environments")) {
            if (e.get("id").asText().equals(TARGET)) {
                return e.get("packages").get(0).get("status").asText() + " " + e.get("packages").get(0)
                        .get("dependencies").size();
            }
        }
        throw new AssertionError(report.toString());
    }

    private void assertNoSecret(ObjectNode report, String secret) {
        String basic = Base64.getEncoder().encodeToString(("ci:" + secret).getBytes(StandardCharsets.UTF_8));
        for (String text : List.of(report.toString(), String.join("\n", log))) {
            assertFalse(text.contains(secret) || text.contains(basic), text);
        }
    }

    @Test
    void theServersHeaderReadsTheIndexAndNeverReachesTheFilesHost() {
        startIndex(e -> API_KEY.equals(e.getRequestHeaders()
                .getFirst("X-JFrog-Art-Api")));
        ObjectNode report = assess(new IndexAuthentication(new IndexCredentials("artifactory", "", null,
                Map.of("X-JFrog-Art-Api", API_KEY)), Map.of()));
        assertEquals("wheel 1", appStatus(report));
        assertEquals(List.of("authorized /simple/app/", "authorized /simple/app/app-1.0-py3-none-any.whl",
                "authorized /simple/lib/", "authorized /simple/lib/lib-1.0-py3-none-any.whl"),
                indexRequests.stream().sorted().toList());
        assertEquals(List.of("/simple/app/app-1.0-py3-none-any.whl headers=[]",
                "/simple/lib/lib-1.0-py3-none-any.whl headers=[]"), fileRequests.stream().sorted().toList());
        assertNoSecret(report, API_KEY);
    }

    @Test
    void netrcCredentialsGoWithEveryRequestToTheirHostWhateverThePortAsInPip() {
        String expected = "Basic " + Base64.getEncoder().encodeToString(("ci:" + NETRC_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        startIndex(e -> expected.equals(e.getRequestHeaders()
                .getFirst("Authorization")));
        // the host has one entry: both servers are 127.0.0.1, so netrc (by host, as in requests) covers both
        // with the same entry; a "localhost" entry would not apply to 127.0.0.1
        Netrc netrc = Netrc.parse("machine localhost login other password other-SECRET\nmachine 127.0.0.1\n  login ci\n"
                + "  password " + NETRC_PASSWORD + "\n", "/home/ci/.netrc");
        ObjectNode report = assess(IndexAuthentication.none().withNetrc(netrc));
        assertEquals("wheel 1", appStatus(report));
        assertEquals(List.of("authorized /simple/app/", "authorized /simple/app/app-1.0-py3-none-any.whl",
                "authorized /simple/lib/", "authorized /simple/lib/lib-1.0-py3-none-any.whl"),
                indexRequests.stream().sorted().toList());
        assertEquals(List.of("/simple/app/app-1.0-py3-none-any.whl headers=[Authorization]",
                "/simple/lib/lib-1.0-py3-none-any.whl headers=[Authorization]"), fileRequests.stream().sorted().toList());
        assertTrue(log.contains("credentials: " + indexUrl() + " from /home/ci/.netrc (netrc, as pip)"), log::toString);
        assertNoSecret(report, NETRC_PASSWORD);
    }

    @Test
    void withoutTheHeaderTheIndexRefusesAndTheReasonSaysAuthenticationFailed() {
        startIndex(e -> API_KEY.equals(e.getRequestHeaders()
                .getFirst("X-JFrog-Art-Api")));
        ObjectNode report = assess(new IndexAuthentication(new IndexCredentials("artifactory", "", null,
                Map.of("X-JFrog-Art-Api", "wrong-" + API_KEY)), Map.of()));
        assertEquals("error 0", appStatus(report));
        assertTrue(report.toString().contains("authentication failed at " + indexUrl()
                + " (HTTP 401): check <server> 'artifactory' in settings.xml"), report::toString);
        assertNoSecret(report, API_KEY);
    }
}
