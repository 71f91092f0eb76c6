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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Headers from a server's {@code <httpHeaders>} and credentials from a netrc: which requests carry them.
 * Two loopback servers on different ports are different origins.
 */
class HeaderAndNetrcTransportTest {

    private static final String API_KEY = "AKCp8-header-SECRET-77";
    private static final String NETRC_PASSWORD = "netrc-pa55-SECRET";
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

    private static IndexCredentials apiKey() {
        return new IndexCredentials("artifactory", "", null, Map.of("X-JFrog-Art-Api", API_KEY));
    }

    private static TestServer.Handler requiringHeader(String name, String value) {
        return (HttpExchange ex) -> {
            if (value.equals(ex.getRequestHeaders().getFirst(name))) {
                TestServer.send(ex, 200, "text/html", HTML_PAGE);
            } else {
                TestServer.send(ex, 401, "text/plain", "unauthorized");
            }
        };
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Netrc netrc(String text) {
        return Netrc.parse(text, "/home/ci/.netrc");
    }

    @Test
    void configuredHeadersGoToTheIndexAndItsRedirectsButNotToAnotherOrigin() throws Exception {
        index.on("/simple/foo/", requiringHeader("X-JFrog-Art-Api", API_KEY));
        index.on("/simple/moved/", TestServer.redirect(302, "/simple/foo/"));
        index.on("/simple/elsewhere/", TestServer.redirect(302, other.url("/simple/foo/").toString()));
        other.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        URI base = index.url("/simple/");
        HttpIndexClient client = new HttpIndexClient(base, new JdkHttpTransport(options, Map.of(base, apiKey())),
                options, apiKey().hint());
        assertInstanceOf(ProjectResult.Found.class, client.fetchProject("foo"));
        assertInstanceOf(ProjectResult.Found.class, client.fetchProject("moved"));
        assertInstanceOf(ProjectResult.Found.class, client.fetchProject("elsewhere"));
        assertEquals(List.of("/simple/foo/", "/simple/moved/", "/simple/foo/", "/simple/elsewhere/"),
                index.requests.stream().map(TestServer.Request::path).toList());
        index.requests.forEach(r -> assertEquals(List.of(API_KEY), r.headers().get("X-JFrog-Art-Api"), r.path()));
        index.requests.forEach(r -> assertNull(r.headers().get("Authorization"), "no password: no Authorization"));
        assertEquals(1, other.requests.size());
        assertNull(other.requests.get(0).headers().get("X-JFrog-Art-Api"), "the other origin got the header");
    }

    @Test
    void headersAndBasicCredentialsOfOneServerAreSentTogether() throws Exception {
        index.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        IndexCredentials both = new IndexCredentials("corp", "alice", "pw-SECRET-1", Map.of("X-Tenant", "t-1"));
        new JdkHttpTransport(options, Map.of(index.url("/simple/"), both)).get(index.url("/simple/foo/"), Map.of());
        assertEquals(List.of(basic("alice", "pw-SECRET-1")), index.requests.get(0).headers().get("Authorization"));
        assertEquals(List.of("t-1"), index.requests.get(0).headers().get("X-Tenant"));
    }

    @Test
    void headerValuesAreSecretsAndNotPrinted() {
        assertEquals("IndexCredentials[serverId=artifactory, no password, headers=[X-JFrog-Art-Api] (values ****)]",
                apiKey().toString());
        assertEquals(List.of(API_KEY), List.copyOf(apiKey().secrets()));
    }

    @Test
    void aHeaderNameThatIsNotATokenIsRefusedWithoutQuotingTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IndexCredentials("corp",
                "", null, Map.of("X Api", API_KEY)));
        assertEquals("<server> 'corp' in settings.xml has an <httpHeaders> property whose <name> 'X Api' is not an "
                + "HTTP header name (letters, digits and !#$%&'*+-.^_`|~ only)", e.getMessage());
        IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> new IndexCredentials(
                "corp", "", null, Map.of("X-Api", API_KEY + "\n")));
        assertFalse(value.getMessage().contains(API_KEY), value.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> new IndexCredentials("corp", "", null, new LinkedHashMap<>()));
        assertEquals("<server> 'corp' in settings.xml has no <password> (a password, or a token with no <username>) "
                + "and no <httpHeaders>", none.getMessage());
    }

    @Test
    void netrcCredentialsAuthenticateAHostWithoutOthers() throws Exception {
        index.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        new JdkHttpTransport(options, Map.of(), TlsTrust.jdkDefaults(),
                netrc("machine 127.0.0.1 login ci password " + NETRC_PASSWORD + "\n"))
                .get(index.url("/simple/foo/"), Map.of());
        assertEquals(List.of(basic("ci", NETRC_PASSWORD)), index.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void userInfoInTheUrlBeatsNetrcAsInPip() throws Exception {
        index.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        URI withUser = URI.create(index.url("/simple/foo/").toString().replace("http://", "http://url-user:url-pw@"));
        new JdkHttpTransport(options, Map.of(), TlsTrust.jdkDefaults(),
                netrc("default login ci password " + NETRC_PASSWORD)).get(withUser, Map.of());
        assertEquals(List.of(basic("url-user", "url-pw")), index.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void configuredCredentialsBeatNetrc() throws Exception {
        index.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        new JdkHttpTransport(options, Map.of(index.url("/simple/"), new IndexCredentials("corp", "alice", "pw-SECRET-2")),
                TlsTrust.jdkDefaults(), netrc("default login ci password " + NETRC_PASSWORD))
                .get(index.url("/simple/foo/"), Map.of());
        assertEquals(List.of(basic("alice", "pw-SECRET-2")), index.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void aRedirectToAnotherHostGetsThatHostsNetrcEntryOnly() throws Exception {
        // requests re-applies netrc for the new host after a redirect; "localhost" and "127.0.0.1" are two hosts
        index.on("/simple/foo/", TestServer.redirect(302,
                other.url("/simple/foo/").toString().replace("127.0.0.1", "localhost")));
        other.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        new JdkHttpTransport(options, Map.of(), TlsTrust.jdkDefaults(),
                netrc("machine 127.0.0.1 login ci password " + NETRC_PASSWORD + "\nmachine localhost login other\n"
                        + "  password other-pw\n")).get(index.url("/simple/foo/"), Map.of());
        assertEquals(List.of(basic("ci", NETRC_PASSWORD)), index.requests.get(0).headers().get("Authorization"));
        assertEquals(List.of(basic("other", "other-pw")), other.requests.get(0).headers().get("Authorization"));
    }

    @Test
    void aHostWithoutAnEntryAndNoDefaultGetsNoCredentials() throws Exception {
        index.on("/simple/foo/", TestServer.respond(200, "text/html", HTML_PAGE));
        new JdkHttpTransport(options, Map.of(), TlsTrust.jdkDefaults(),
                netrc("machine pypi.corp.example login ci password " + NETRC_PASSWORD))
                .get(index.url("/simple/foo/"), Map.of());
        assertNull(index.requests.get(0).headers().get("Authorization"));
    }
}
