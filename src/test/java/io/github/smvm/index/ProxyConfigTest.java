package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.testing.PyenvInterpreters;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proxy model: non-proxy patterns, environment parsing as pip does it, precedence and redaction. */
class ProxyConfigTest {

    private static ProxyServer maven(String protocol, String host, String nonProxyHosts) {
        return new ProxyServer(protocol, host, 3128, null, null, NonProxyHosts.maven(nonProxyHosts),
                "settings.xml <proxy> '" + host + "'");
    }

    private static String via(ProxyConfig config, String url) {
        return config.select(URI.create(url)).map(ProxyServer::address).orElse("direct");
    }

    @Test
    void mavenNonProxyHostsAreWholeHostWildcardsSeparatedByBarOrComma() {
        NonProxyHosts hosts = NonProxyHosts.maven("*.corp | localhost,10.*|pypi.*.example.com");
        assertTrue(hosts.bypasses("pypi.corp", 443));
        assertTrue(hosts.bypasses("PYPI.Corp", -1));
        assertFalse(hosts.bypasses("corp", -1));
        assertFalse(hosts.bypasses("pypi.corp.evil.com", -1));
        assertTrue(hosts.bypasses("localhost", -1));
        assertFalse(hosts.bypasses("localhost.example.com", -1));
        assertTrue(hosts.bypasses("10.1.2.3", -1));
        assertTrue(hosts.bypasses("pypi.eu.example.com", -1));
        assertFalse(hosts.bypasses("example.com", -1));
        assertFalse(NonProxyHosts.maven(null).bypasses("localhost", -1));
    }

    @Test
    void noProxyEntriesAreSuffixesWildcardHostPortsAndAddresses() {
        NonProxyHosts hosts = NonProxyHosts.noProxy(" .corp, example.com,pypi.local:8443,10.0.0.0/8,192.168.1.7");
        assertTrue(hosts.bypasses("pypi.corp", -1));
        assertTrue(hosts.bypasses("corp", -1));
        assertTrue(hosts.bypasses("example.com", -1));
        assertTrue(hosts.bypasses("files.example.com", -1));
        assertTrue(hosts.bypasses("pypi.local", 8443));
        assertFalse(hosts.bypasses("pypi.local", 443));
        assertTrue(hosts.bypasses("10.20.30.40", -1));
        assertFalse(hosts.bypasses("11.0.0.1", -1));
        assertTrue(hosts.bypasses("192.168.1.7", 80));
        assertFalse(hosts.bypasses("192.168.1.70", -1));
        assertTrue(NonProxyHosts.noProxy("*").bypasses("anything.at.all", -1));
    }

    @Test
    void mavenTakesTheFirstActiveProxyOfTheSchemeAndHttpsFallsBackToHttp() {
        ProxyConfig onlyHttp = ProxyConfig.maven(List.of(maven("http", "a", null), maven("http", "b", null)));
        assertEquals("a:3128", via(onlyHttp, "http://pypi.org/simple/"));
        assertEquals("a:3128", via(onlyHttp, "https://pypi.org/simple/"));
        ProxyConfig both = ProxyConfig.maven(List.of(maven("http", "a", null), maven("https", "s", null)));
        assertEquals("s:3128", via(both, "https://pypi.org/simple/"));
        assertEquals("direct", via(both, "file:///tmp/index/"));
        ProxyConfig onlyHttps = ProxyConfig.maven(List.of(maven("https", "s", null)));
        assertEquals("direct", via(onlyHttps, "http://pypi.org/simple/"));
    }

    @Test
    void aProxyWhoseNonProxyHostsNameTheHostIsPassedOverForTheNextOne() {
        ProxyConfig config = ProxyConfig.maven(List.of(maven("http", "inner", "*.corp"), maven("http", "outer", "*.internal")));
        assertEquals("outer:3128", via(config, "https://pypi.corp/simple/"));
        assertEquals("inner:3128", via(config, "https://pypi.org/simple/"));
        assertEquals("inner:3128", via(config, "https://x.internal/simple/"));
    }

    @Test
    void environmentProxiesArePerSchemeWithCredentialsDecodedAndHttpAssumed() {
        ProxyConfig config = ProxyConfig.fromEnvironment(Map.of("HTTPS_PROXY", "http://u%40corp:p%3Ass@proxy.corp:3128/",
                "http_proxy", "plain.corp:8080", "NO_PROXY", ".internal,localhost"));
        ProxyServer https = config.select(URI.create("https://pypi.org/simple/")).orElseThrow();
        assertEquals("proxy.corp:3128", https.address());
        assertEquals("u@corp", https.username());
        assertEquals("p:ss", https.password());
        assertEquals("HTTPS_PROXY", https.source());
        ProxyServer http = config.select(URI.create("http://pypi.org/simple/")).orElseThrow();
        assertEquals("plain.corp:8080", http.address());
        assertEquals("http_proxy", http.source());
        assertEquals("direct", via(config, "https://pypi.internal/simple/"));
        assertEquals("direct", via(config, "http://localhost:8080/simple/"));
    }

    @Test
    void lowerCaseVariablesWinAndAnEmptyOneSwitchesTheProxyOff() {
        assertEquals("lower:1", via(ProxyConfig.fromEnvironment(Map.of("HTTPS_PROXY", "http://upper:1",
                "https_proxy", "http://lower:1")), "https://pypi.org/"));
        assertTrue(ProxyConfig.fromEnvironment(Map.of("HTTPS_PROXY", "http://upper:1", "https_proxy", "")).isEmpty());
        assertEquals("all:80", via(ProxyConfig.fromEnvironment(Map.of("ALL_PROXY", "http://all")), "https://pypi.org/"));
        assertEquals("direct", via(ProxyConfig.fromEnvironment(Map.of("HTTP_PROXY", "http://p:1")), "https://pypi.org/"));
        ProxyConfig specific = ProxyConfig.fromEnvironment(Map.of("HTTPS_PROXY", "http://s:1", "HTTP_PROXY", "http://h:2",
                "ALL_PROXY", "socks5://127.0.0.1:1080"));
        assertEquals(List.of("s:1", "h:2"), specific.proxies().stream().map(ProxyServer::address).toList());
    }

    @Test
    void aProxyUrlPipCannotGiveUsIsAnErrorNamingTheVariableWithoutItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyConfig.fromEnvironment(Map.of("HTTPS_PROXY", "socks5://u:s3cret-pw@proxy:1080")));
        assertEquals("HTTPS_PROXY names a socks5:// proxy (socks5://proxy:1080), which the plugin cannot use: only "
                + "http:// proxies are supported (expected http://[user:password@]host:port)", e.getMessage());
    }

    @Test
    void anActiveMavenProxyWinsOverTheEnvironment() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://env:1");
        assertEquals("a:3128", via(ProxyConfig.resolve(List.of(maven("http", "a", null)), env), "https://pypi.org/"));
        assertEquals("env:1", via(ProxyConfig.resolve(List.of(), env), "https://pypi.org/"));
        assertTrue(ProxyConfig.resolve(List.of(), Map.of()).isEmpty());
    }

    @Test
    void textsShowNoPasswordAndSecretsListItInEveryForm() {
        ProxyServer p = new ProxyServer("http", "proxy.corp", 3128, "bob", "pa ss/w0rd", NonProxyHosts.maven("*.corp"),
                "settings.xml <proxy> 'corp'");
        ProxyConfig config = ProxyConfig.maven(List.of(p));
        assertEquals("ProxyServer[http via proxy.corp:3128, username=bob, password=****, bypass=*.corp, "
                + "source=settings.xml <proxy> 'corp']", p.toString());
        assertEquals("http URLs via proxy.corp:3128 (settings.xml <proxy> 'corp', user bob), direct for *.corp; "
                + "https URLs via the http proxy", config.describe());
        assertEquals("ProxyConfig[" + config.describe() + "]", config.toString());
        assertEquals(List.of("pa ss/w0rd", "pa%20ss%2Fw0rd", "Ym9iOnBhIHNzL3cwcmQ="), List.copyOf(config.secrets()));
    }

    @Test
    void pipGetsBothCasesOfEachVariableAndTheExpressibleNonProxyHosts() {
        ProxyServer p = new ProxyServer("http", "proxy.corp", 3128, "bob", "pa ss", NonProxyHosts.maven("*.corp|localhost|10.*"),
                "settings.xml <proxy> 'corp'");
        List<String> warnings = new ArrayList<>();
        Map<String, String> env = ProxyConfig.maven(List.of(p)).pipEnvironment(warnings);
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("http_proxy", "http://bob:pa%20ss@proxy.corp:3128");
        expected.put("HTTP_PROXY", "http://bob:pa%20ss@proxy.corp:3128");
        expected.put("https_proxy", "http://bob:pa%20ss@proxy.corp:3128");
        expected.put("HTTPS_PROXY", "http://bob:pa%20ss@proxy.corp:3128");
        expected.put("no_proxy", ".corp,localhost");
        expected.put("NO_PROXY", ".corp,localhost");
        assertEquals(expected, env);
        assertEquals(List.of("the <nonProxyHosts> pattern '10.*' of settings.xml <proxy> 'corp' cannot be given to "
                + "pip, whose NO_PROXY takes host names and suffixes ('*.corp' works): pip reaches such hosts through "
                + "the proxy"), warnings);
        assertEquals(Map.of(), ProxyConfig.none().pipEnvironment(warnings));
    }

    private static final String REQUESTS = """
            import json, os, sys
            from pip._vendor.requests.utils import get_environ_proxies, select_proxy
            out = []
            for case in json.load(sys.stdin):
                os.environ.clear()
                os.environ.update(case["env"])
                out.append(select_proxy(case["url"], get_environ_proxies(case["url"])))
            print(json.dumps(out))
            """;

    /** The proxy pip's own requests picks (or none) for each environment and URL is the one the model picks. */
    @Test
    void environmentSelectionAgreesWithPipsRequests(@TempDir Path tmp) throws Exception {
        Path python = PyenvInterpreters.version("3.12.").or(() -> PyenvInterpreters.version("3.11.")).orElse(null);
        assumeTrue(python != null, "needs a pyenv CPython 3.12 or 3.11 with pip");
        List<Map<String, String>> envs = List.of(
                Map.of("HTTPS_PROXY", "http://s:1", "HTTP_PROXY", "http://h:2"),
                Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:1"),
                Map.of("ALL_PROXY", "http://all:3", "HTTP_PROXY", "http://h:2"),
                Map.of("HTTPS_PROXY", "http://s:1", "NO_PROXY", ".corp,example.com,pypi.local:8443"),
                Map.of("HTTPS_PROXY", "http://s:1", "no_proxy", "10.0.0.0/8,192.168.1.7,localhost"),
                Map.of("HTTPS_PROXY", "http://s:1", "NO_PROXY", "*"));
        List<String> urls = List.of("https://pypi.org/simple/", "http://pypi.org/simple/", "https://pypi.corp/simple/",
                "https://corp/simple/", "https://badexample.com/", "https://pypi.local:8443/", "https://pypi.local/",
                "https://10.1.2.3/", "https://192.168.1.7:8080/", "https://192.168.1.70/", "http://localhost:8080/");
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode cases = mapper.createArrayNode();
        List<String> ours = new ArrayList<>();
        for (Map<String, String> env : envs) {
            ProxyConfig config = ProxyConfig.fromEnvironment(env);
            for (String url : urls) {
                ObjectNode c = cases.addObject();
                c.set("env", mapper.valueToTree(env));
                c.put("url", url);
                ours.add(env + " " + url + " -> " + config.select(URI.create(url))
                        .map(p -> "http://" + p.address()).orElse("direct"));
            }
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", "-c", REQUESTS);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        Path err = tmp.resolve("stderr");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(mapper.writeValueAsBytes(cases));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python did not finish");
        assertEquals(0, p.exitValue(), () -> "pip's requests could not be run: " + readQuietly(err));
        JsonNode answers = mapper.readTree(out);
        List<String> pips = new ArrayList<>();
        int i = 0;
        for (Map<String, String> env : envs) {
            for (String url : urls) {
                JsonNode a = answers.get(i++);
                pips.add(env + " " + url + " -> " + (a.isNull() ? "direct" : a.asText()));
            }
        }
        assertEquals(pips, ours);
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }
}
