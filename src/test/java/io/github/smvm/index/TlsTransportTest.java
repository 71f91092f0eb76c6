package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import io.github.smvm.testing.TestCertificates;
import io.github.smvm.testing.TestIndex;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An HTTPS index whose certificate is signed by a test CA that only a CA bundle makes trusted. */
class TlsTransportTest {

    @TempDir
    static Path tmp;

    private static TestCertificates certificates;
    private static TestIndex.Served served;
    private final IndexOptions options = IndexOptions.defaults().withTimeout(Duration.ofSeconds(10));

    @BeforeAll
    static void start() {
        certificates = TestCertificates.shared();
        TestIndex index = new TestIndex();
        index.wheel("demo", "1.0", "demo-1.0-py3-none-any.whl");
        served = index.serveHttps(TestIndex.Format.HTML, certificates.serverContext());
    }

    @AfterAll
    static void stop() {
        served.close();
    }

    @Test
    void withoutTheBundleTheCertificateIsNotTrustedAndTheMessageNamesHostAndTrust() {
        TransportException e = assertThrows(TransportException.class, () -> new JdkHttpTransport(options)
                .get(served.simpleUrl().resolve("demo/"), Map.of()));
        assertEquals(TransportException.Kind.TLS, e.kind());
        assertEquals("TLS: the certificate of 127.0.0.1:" + served.port() + " is not trusted (trusted: JDK defaults): "
                + "unable to find valid certification path to requested target; give its CA in a PEM file with "
                + "<caBundle> (smvm.caBundle)", e.getMessage());
    }

    @Test
    void withTheBundleThePageIsRead() throws Exception {
        HttpTransport.Response r = new JdkHttpTransport(options, Map.of(), TlsTrust.withBundle(certificates.caPem()),
                Netrc.empty()).get(served.simpleUrl().resolve("demo/"), Map.of());
        assertEquals(200, r.status());
        assertEquals(true, new String(r.body(), StandardCharsets.UTF_8).contains("demo-1.0-py3-none-any.whl"));
    }

    /** Plain http and https are read by different JDK clients: a redirect from one to the other crosses them. */
    @Test
    void aRedirectFromPlainHttpToHttpsIsFollowed() throws Exception {
        URI target = served.simpleUrl().resolve("demo/");
        HttpServer plain = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        plain.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", target.toString());
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        plain.start();
        try {
            URI start = URI.create("http://127.0.0.1:" + plain.getAddress().getPort() + "/simple/demo/");
            HttpTransport.Response r = new JdkHttpTransport(options, Map.of(),
                    TlsTrust.withBundle(certificates.caPem()), Netrc.empty()).get(start, Map.of());
            assertEquals(200, r.status());
            assertEquals(target, r.finalUrl());
            assertEquals(true, new String(r.body(), StandardCharsets.UTF_8).contains("demo-1.0-py3-none-any.whl"));
        } finally {
            plain.stop(0);
        }
    }

    @Test
    void aBundleWithAnotherCaStillRefusesAndNamesTheBundle() {
        TestCertificates unrelated = TestCertificates.create(tmp.resolve("other-pki"), "another CA");
        TlsTrust trust = TlsTrust.withBundle(unrelated.caPem());
        TransportException e = assertThrows(TransportException.class, () -> new JdkHttpTransport(options, Map.of(),
                trust, Netrc.empty()).get(served.simpleUrl().resolve("demo/"), Map.of()));
        assertEquals("TLS: the certificate of 127.0.0.1:" + served.port() + " is not trusted (trusted: JDK defaults + "
                + unrelated.caPem() + "): unable to find valid certification path to requested target; give its CA "
                + "in a PEM file with <caBundle> (smvm.caBundle)", e.getMessage());
    }

    @Test
    void aTlsFailureIsNotRetried() {
        List<String> log = new ArrayList<>();
        RetryingTransport retrying = new RetryingTransport(new JdkHttpTransport(options), RetryPolicy.of(3),
                Sleeper.system(), () -> 0.0, Clock.systemUTC(), log::add);
        TransportException e = assertThrows(TransportException.class,
                () -> retrying.get(served.simpleUrl().resolve("demo/"), Map.of()));
        assertEquals(TransportException.Kind.TLS, e.kind());
        assertEquals(List.of(), log);
    }
}
