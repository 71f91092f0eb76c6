package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Configured index credentials: which requests carry them, and what a refusal says. */
class CredentialTransportTest {

    private static final String PASSWORD = "pa:ss@w0rd/secret";
    private static final IndexCredentials ALICE = new IndexCredentials("corp-pypi", "alice", PASSWORD);
    private static final String ALICE_BASIC = "Basic "
            + Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String HTML_PAGE = "<a href=\"/files/foo-1.0-py3-none-any.whl\">foo-1.0-py3-none-any.whl</a>";

    private TestServer index;
    private TestServer other;
    private IndexOptions options;

    @BeforeEach
    void start() throws Exception {
        index = new TestServer();
        other = new TestServer();
        options = IndexOptions.defaults().withTimeout(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        index.close();
        other.close();
    }

    /** Answers the page only to {@code expected}, else 401 with a challenge. */
    private static TestServer.Handler requiring(String expected) {
        return (HttpExchange ex) -> {
            if (expected.equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                TestServer.send(ex, 200, "text/html", HTML_PAGE);
            } else {
                ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"corp\"");
                TestServer.send(ex, 401, "text/plain", "unauthorized");
            }
        };
    }

    private HttpIndexClient client(IndexCredentials credentials) {
        URI base = index.url("/simple/");
        return new HttpIndexClient(base, new JdkHttpTransport(options, Map.of(base, credentials)), options,
                credentials.hint());
    }

    @Test
    void basicCredentialsAreAccepted() {
        index.on("/simple/foo/", requiring(ALICE_BASIC));
        ProjectResult r = client(ALICE).fetchProject("foo");
        assertEquals(1, assertInstanceOf(ProjectResult.Found.class, r).page().files().size());
        assertEquals(List.of(ALICE_BASIC), index.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureNamingTheIndexAndServer() {
        index.on("/simple/foo/", requiring(ALICE_BASIC));
        ProjectResult r = client(new IndexCredentials("corp-pypi", "alice", "wrong-pa55word")).fetchProject("foo");
        String reason = assertInstanceOf(ProjectResult.Failed.class, r).reason();
        assertEquals("authentication failed at " + index.url("/simple/") + " (HTTP 401): check <server> 'corp-pypi' "
                + "in settings.xml", reason);
        assertFalse(r.toString().contains("wrong-pa55word"), r.toString());
    }

    @Test
    void forbiddenIsAnAuthenticationFailureToo() {
        index.on("/simple/foo/", TestServer.respond(403, "text/plain", "forbidden"));
        String reason = assertInstanceOf(ProjectResult.Failed.class, client(ALICE).fetchProject("foo")).reason();
        assertEquals("authentication failed at " + index.url("/simple/") + " (HTTP 403): check <server> 'corp-pypi' "
                + "in settings.xml", reason);
    }

    @Test
    void withoutConfiguredCredentialsA401SaysHowToConfigureThem() {
        index.on("/simple/foo/", requiring(ALICE_BASIC));
        HttpIndexClient c = new HttpIndexClient(index.url("/simple/"), new JdkHttpTransport(options), options);
        String reason = assertInstanceOf(ProjectResult.Failed.class, c.fetchProject("foo")).reason();
        assertEquals("authentication failed at " + index.url("/simple/") + " (HTTP 401): the index wants credentials: "
                + "name a <server> of settings.xml in <indexServerId> or <extraIndexServerIds>", reason);
    }

    @Test
    void aTokenIsSentAsBearer() {
        index.on("/simple/foo/", requiring("Bearer t0ken-abc"));
        ProjectResult r = client(new IndexCredentials("corp-token", "", "t0ken-abc")).fetchProject("foo");
        assertInstanceOf(ProjectResult.Found.class, r);
        assertEquals(List.of("Bearer t0ken-abc"), index.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void aSameOriginRedirectKeepsTheCredentials() throws Exception {
        index.on("/simple/foo/", TestServer.redirect(302, "/mirror/foo/"));
        index.on("/mirror/foo/", requiring(ALICE_BASIC));
        ProjectResult r = client(ALICE).fetchProject("foo");
        assertInstanceOf(ProjectResult.Found.class, r);
        assertEquals("/mirror/foo/", index.requests.get(1).path());
        assertEquals(List.of(ALICE_BASIC), index.requests.get(1).headers().get("Authorization"));
    }

    @Test
    void aCrossOriginRedirectDropsTheCredentials() throws Exception {
        // two loopback servers on different ports are different origins
        index.on("/simple/foo/", TestServer.redirect(302, other.url("/simple/foo/").toString()));
        other.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        assertInstanceOf(ProjectResult.Found.class, client(ALICE).fetchProject("foo"));
        assertEquals(List.of(ALICE_BASIC), index.requests.get(0).headers().get("Authorization"));
        assertEquals(1, other.requests.size());
        assertNull(other.requests.get(0).headers().get("Authorization"), "the other origin got credentials");
    }

    @Test
    void filesOnTheIndexOriginGetTheCredentialsAndOtherOriginsDoNot() throws Exception {
        index.on("/files/a", TestServer.respond(200, "text/plain", "a"));
        other.on("/files/b", TestServer.respond(200, "text/plain", "b"));
        JdkHttpTransport transport = new JdkHttpTransport(options, Map.of(index.url("/simple/"), ALICE));
        transport.get(index.url("/files/a"), Map.of());
        transport.get(other.url("/files/b"), Map.of());
        assertEquals(List.of(ALICE_BASIC), index.requests.get(0).headers().get("Authorization"));
        assertNull(other.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void twoCredentialsForOneOriginAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JdkHttpTransport(options,
                Map.of(index.url("/a/"), ALICE, index.url("/b/"), new IndexCredentials("x", "bob", "other-secret"))));
        assertFalse(e.getMessage().contains(PASSWORD) || e.getMessage().contains("other-secret"), e.getMessage());
    }

    @Test
    void credentialsShowNoSecretWhenPrinted() {
        assertEquals("IndexCredentials[serverId=corp-pypi, username=alice, password=****]", ALICE.toString());
        assertEquals("IndexCredentials[serverId=t, token=****]", new IndexCredentials("t", "", "tok3n").toString());
        assertEquals(List.of(PASSWORD, "pa%3Ass%40w0rd%2Fsecret", ALICE_BASIC.substring(6)),
                List.copyOf(ALICE.secrets()));
    }
}
