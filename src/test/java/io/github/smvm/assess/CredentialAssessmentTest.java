package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.testing.EmptyMachine;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.testing.TreeIndexServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole assessments against a loopback index that demands Basic credentials: with the configured
 * credentials its pages and its wheels' metadata are read; with a wrong password each package is an
 * {@code error} saying authentication failed, and the password is in no log line and no report.
 */
class CredentialAssessmentTest {

    private static final String PASSWORD = "corp-pa55-SECRET-3";
    private static final String TARGET = "cp312-manylinux_2_28_x86_64";

    @TempDir
    Path tmp;

    private TreeIndexServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> log = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        TestIndex index = new TestIndex();
        index.wheel("app", "1.0", "app-1.0-py3-none-any.whl", null, List.of("lib>=1"));
        index.wheel("lib", "1.0", "lib-1.0-py3-none-any.whl");
        Path root = tmp.resolve("index");
        index.writeTo(root);
        String expected = "Basic " + Base64.getEncoder().encodeToString(("alice:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        server = TreeIndexServer.start(root, (ex, path) -> {
            boolean authorized = expected.equals(ex.getRequestHeaders().getFirst("Authorization"));
            requests.add((authorized ? "authorized " : "refused ") + path);
            if (!authorized) {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"corp\"");
                ex.sendResponseHeaders(401, -1);
            }
            return !authorized;
        });
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String indexUrl() {
        return server.simpleUrl();
    }

    private ObjectNode assess(IndexCredentials credentials) {
        return assess(credentials, null);
    }

    private ObjectNode assess(IndexCredentials credentials, Path cache) {
        AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(),
                null, Set.of(), Set.of(), null, List.of("app")), InterpreterRequest.parse("3.12"),
                InterpreterRequest.parse("3.11"), List.of(TARGET), IndexSettings.ofPom(indexUrl(), List.of(), List.of(),
                        null), true, false, NetworkSettings.of(5, 2, 0, 64, cache, 600, false),
                IndexStrategy.FIRST_INDEX, new IndexAuthentication(credentials, Map.of()));
        Discovery nothing = EmptyMachine.discovery(tmp);
        AssessmentRun.Result result = AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(),
                OnDegraded.FALLBACK, false), nothing, Map.of(), log::add);
        result.warnings().forEach(log::add);
        result.notes().forEach(log::add);
        return WheelHealthReport.toJson(result.outcome(), 0.9, Instant.EPOCH, result.sources(), result.indexSources());
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

    private void assertNoSecret(ObjectNode report) {
        assertFalse(report.toString().contains(PASSWORD), report::toString);
        log.forEach(line -> assertFalse(line.contains(PASSWORD), line));
    }

    @Test
    void configuredCredentialsReadThePagesAndTheWheelsOfTheIndex() {
        ObjectNode report = assess(new IndexCredentials("corp-pypi", "alice", PASSWORD));
        JsonNode app = app(report);
        assertEquals("wheel", app.get("status").asText(), app::toString);
        assertEquals(List.of(), requests.stream().filter(r -> r.startsWith("refused")).toList());
        // the dependency was read from app's wheel, a file on the index's origin, which got the credentials too
        assertEquals(List.of("authorized /simple/app/", "authorized /simple/app/app-1.0-py3-none-any.whl",
                "authorized /simple/lib/", "authorized /simple/lib/lib-1.0-py3-none-any.whl"), requests);
        assertNoSecret(report);
    }

    @Test
    void aWrongPasswordIsAnErrorSayingAuthenticationFailedAndWhatToCheck() {
        ObjectNode report = assess(new IndexCredentials("corp-pypi", "alice", "wrong-" + PASSWORD));
        JsonNode app = app(report);
        assertEquals("error", app.get("status").asText(), app::toString);
        assertEquals("could not read " + indexUrl() + ": every source failed for app: " + indexUrl()
                + ": authentication failed at " + indexUrl() + " (HTTP 401): check <server> 'corp-pypi' in settings.xml",
                app.get("reason").asText());
        assertNoSecret(report);
    }

    @Test
    void pagesReadWithCredentialsAreCachedApartAndNeverServedToOtherCredentials() throws IOException {
        Path cache = tmp.resolve("cache");
        assertEquals("wheel", app(assess(new IndexCredentials("corp-pypi", "alice", PASSWORD), cache))
                .get("status").asText());
        try (var entries = Files.list(cache)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).toList();
            assertEquals(1, names.size(), names::toString);
            assertTrue(names.get(0).matches("auth-[0-9a-f]{16}"), names::toString);
        }
        requests.clear();

        // within the cache's maximum age, but other credentials: the index is asked (and refuses)
        ObjectNode other = assess(new IndexCredentials("corp-pypi", "alice", "wrong-" + PASSWORD), cache);
        assertEquals("error", app(other).get("status").asText(), app(other)::toString);
        assertEquals("refused /simple/app/", requests.get(0));
        requests.clear();

        // the same credentials again: answered from their cache, the index is not asked
        assertEquals("wheel", app(assess(new IndexCredentials("corp-pypi", "alice", PASSWORD), cache))
                .get("status").asText());
        assertEquals(List.of(), requests);
        try (var files = Files.walk(cache)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(PASSWORD), file::toString);
            }
        }
    }

    @Test
    void credentialPartitionDependsOnEveryCredentialAndIsAbsentWithoutAny() {
        String index = "https://corp.example/simple/";
        IndexCredentials alice = new IndexCredentials("corp", "alice", PASSWORD);
        assertNull(AssessmentRun.credentialPartition(Map.of(), io.github.smvm.index.Netrc.empty(), List.of(index),
                List.of()));
        String a = AssessmentRun.credentialPartition(Map.of(index, alice), io.github.smvm.index.Netrc.empty(),
                List.of(index), List.of());
        assertEquals(a, AssessmentRun.credentialPartition(Map.of(index, new IndexCredentials("other-id", "alice",
                PASSWORD)), io.github.smvm.index.Netrc.empty(), List.of(index), List.of()), "the server id is a name only");
        assertNotEquals(a, AssessmentRun.credentialPartition(Map.of(index, new IndexCredentials("corp", "alice",
                PASSWORD + "x")), io.github.smvm.index.Netrc.empty(), List.of(index), List.of()));
        io.github.smvm.index.Netrc netrc = io.github.smvm.index.Netrc.parse(
                "machine corp.example login bob password " + PASSWORD, "netrc");
        String fromNetrc = AssessmentRun.credentialPartition(Map.of(), netrc, List.of(index), List.of());
        assertNotEquals(null, fromNetrc);
        assertNotEquals(a, fromNetrc);
        assertNotEquals(fromNetrc, AssessmentRun.credentialPartition(Map.of(), netrc, List.of(),
                List.of("https://user:pw@files.example/links/")), "user-info in a find-links URL counts");
    }
}
