package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.testing.TestProxy;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests through a loopback proxy: routing, non-proxy hosts, proxy credentials and what a refusal says. */
class ProxyTransportTest {

    private static final String PASSWORD = "pr0xy-Pa55:w/rd";
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString(("bob:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final String HTML_PAGE = "<a href=\"/files/foo-1.0-py3-none-any.whl\">foo-1.0-py3-none-any.whl</a>";

    private TestServer origin;
    private TestProxy proxy;
    private final IndexOptions options = IndexOptions.defaults().withTimeout(Duration.ofSeconds(5));

    @BeforeEach
    void start() throws Exception {
        origin = new TestServer();
        origin.on("/simple/foo/", ex -> TestServer.send(ex, 200, "text/html", HTML_PAGE));
        proxy = new TestProxy("bob", PASSWORD);
    }

    @AfterEach
    void stop() {
        origin.close();
        proxy.close();
    }

    private ProxyServer settingsProxy(String user, String password, String nonProxyHosts) {
        return new ProxyServer("http", "127.0.0.1", proxy.port(), user, password, NonProxyHosts.maven(nonProxyHosts),
                "settings.xml <proxy> 'corp'");
    }

    private ProjectResult fetch(ProxyServer server) {
        URI base = origin.url("/simple/");
        ProxyConfig config = ProxyConfig.maven(List.of(server));
        return new HttpIndexClient(base, new JdkHttpTransport(options, Map.of(), config), options, null)
                .fetchProject("foo");
    }

    @Test
    void aPageIsReadThroughTheProxyWithItsCredentialsWhichTheOriginNeverSees() {
        ProjectResult r = fetch(settingsProxy("bob", PASSWORD, null));
        assertEquals(1, assertInstanceOf(ProjectResult.Found.class, r).page().files().size());
        assertEquals(1, proxy.requests().size());
        TestProxy.Request seen = proxy.requests().get(0);
        assertEquals("GET", seen.method());
        assertEquals(origin.url("/simple/foo/").toString(), seen.target());
        assertEquals(BASIC, seen.headers().get("proxy-authorization"));
        assertEquals(1, origin.requests.size());
        assertNull(origin.requests.get(0).headers().getFirst("Proxy-Authorization"));
    }

    @Test
    void withoutCredentialsThe407IsAProxyAuthenticationFailureNamingTheProxy() {
        ProjectResult r = fetch(settingsProxy(null, null, null));
        assertEquals("proxy 127.0.0.1:" + proxy.port() + " (settings.xml <proxy> 'corp') refused the request (HTTP 407) "
                + "for " + origin.url("/simple/foo/") + ": it wants credentials; give settings.xml <proxy> 'corp' a "
                + "<username> and <password>", assertInstanceOf(ProjectResult.Failed.class, r).reason());
        assertEquals(0, origin.requests.size());
    }

    @Test
    void aWrongPasswordIsAProxyAuthenticationFailureWithoutThePassword() {
        ProjectResult r = fetch(settingsProxy("bob", "wrong-" + PASSWORD, null));
        String reason = assertInstanceOf(ProjectResult.Failed.class, r).reason();
        assertEquals("proxy 127.0.0.1:" + proxy.port() + " (settings.xml <proxy> 'corp') refused the request (HTTP 407) "
                + "for " + origin.url("/simple/foo/") + ": check the username and password of settings.xml <proxy> "
                + "'corp'", reason);
        assertFalse(reason.contains(PASSWORD));
    }

    @Test
    void aHostInNonProxyHostsIsReadDirectlyWithoutProxyHeaders() {
        ProjectResult r = fetch(settingsProxy("bob", PASSWORD, "*.corp|127.0.0.*"));
        assertInstanceOf(ProjectResult.Found.class, r);
        assertEquals(List.of(), proxy.requests());
        assertNull(origin.requests.get(0).headers().getFirst("Proxy-Authorization"));
    }

    @Test
    void anUnreachableProxyIsNamed() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        URI url = origin.url("/simple/foo/");
        JdkHttpTransport transport = new JdkHttpTransport(options, Map.of(), ProxyConfig.maven(List.of(new ProxyServer(
                "http", "127.0.0.1", closed, null, null, NonProxyHosts.none(), "HTTP_PROXY"))));
        TransportException e = assertThrows(TransportException.class, () -> transport.get(url, Map.of()));
        assertEquals("cannot connect to proxy 127.0.0.1:" + closed + " (HTTP_PROXY) to read " + url
                + ": connection refused or unreachable", e.getMessage());
        assertEquals(0, origin.requests.size());
    }

    @Test
    void theJdkDropsBasicCredentialsFromTheConnectOfAnHttpsUrlAndTheMessageSaysHowToAllowThem() {
        assumeTrue(System.getProperty("jdk.http.auth.tunneling.disabledSchemes") == null,
                "jdk.http.auth.tunneling.disabledSchemes is set in this JVM; the test checks the JDK's default");
        URI url = URI.create("https://127.0.0.1:" + origin.url("/").getPort() + "/simple/foo/");
        JdkHttpTransport transport = new JdkHttpTransport(options, Map.of(),
                ProxyConfig.maven(List.of(settingsProxy("bob", PASSWORD, null))));
        TransportException e = assertThrows(TransportException.class, () -> transport.get(url, Map.of()));
        assertEquals(TransportException.Kind.PROXY_AUTHENTICATION, e.kind());
        assertEquals("proxy 127.0.0.1:" + proxy.port() + " (settings.xml <proxy> 'corp') refused the request (HTTP 407) "
                + "for " + url + ": check the username and password of settings.xml <proxy> 'corp'; if they are right: "
                + "the JDK does not send Basic proxy credentials when it tunnels to an https:// URL unless Maven runs "
                + "with MAVEN_OPTS=-Djdk.http.auth.tunneling.disabledSchemes= (empty)", e.getMessage());
        TestProxy.Request connect = proxy.requests().get(0);
        assertEquals("CONNECT", connect.method());
        assertEquals("127.0.0.1:" + url.getPort(), connect.target());
        assertTrue(connect.headers().get("proxy-authorization") == null, connect.headers()::toString);
    }
}
