package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.ProxyServer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/** How the active {@code <proxy>} entries of settings.xml, decrypted, or else the environment, become the proxies. */
class ProxySettingsTest {

    private static final String ENCRYPTED = "{Pr0xyC1pher=}";
    private static final String DECRYPTED = "proxy-decrypted-5ecret";

    /** Decrypts {@link #ENCRYPTED}; any other braced password is a decryption error quoting the security file. */
    private static final SettingsDecrypter DECRYPTER = new SettingsDecrypter() {
        @Override
        public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
            List<Proxy> proxies = request.getProxies().stream().map(p -> {
                Proxy copy = p.clone();
                if (ENCRYPTED.equals(p.getPassword())) {
                    copy.setPassword(DECRYPTED);
                }
                return copy;
            }).toList();
            List<SettingsProblem> problems = request.getProxies().stream()
                    .filter(p -> p.getPassword().startsWith("{") && !ENCRYPTED.equals(p.getPassword()))
                    .map(p -> (SettingsProblem) new DefaultSettingsProblem("Failed to decrypt password for proxy "
                            + p.getId() + ": <master>master-5ecret</master>", SettingsProblem.Severity.ERROR,
                            "proxy: " + p.getId(), -1, -1, null))
                    .toList();
            return new SettingsDecryptionResult() {
                @Override
                public Server getServer() {
                    return null;
                }

                @Override
                public List<Server> getServers() {
                    return List.of();
                }

                @Override
                public Proxy getProxy() {
                    return proxies.isEmpty() ? null : proxies.get(0);
                }

                @Override
                public List<Proxy> getProxies() {
                    return proxies;
                }

                @Override
                public List<SettingsProblem> getProblems() {
                    return problems;
                }
            };
        }
    };

    private static Proxy proxy(String id, boolean active, String protocol, String host, int port, String user,
            String password, String nonProxyHosts) {
        Proxy proxy = new Proxy();
        proxy.setId(id);
        proxy.setActive(active);
        proxy.setProtocol(protocol);
        proxy.setHost(host);
        proxy.setPort(port);
        proxy.setUsername(user);
        proxy.setPassword(password);
        proxy.setNonProxyHosts(nonProxyHosts);
        return proxy;
    }

    private static Settings settings(Proxy... proxies) {
        Settings settings = new Settings();
        for (Proxy proxy : proxies) {
            settings.addProxy(proxy);
        }
        return settings;
    }

    private static final Map<String, String> ENV = Map.of("HTTPS_PROXY", "http://env-proxy:9000", "NO_PROXY", "internal");

    @Test
    void theActiveProxiesAreUsedDecryptedAndTheEnvironmentIsIgnored() throws Exception {
        ProxyConfig config = ProxySettings.resolve(settings(
                proxy("off", false, "http", "inactive.corp", 1, null, null, null),
                proxy("corp", true, "http", "proxy.corp", 3128, "ci", ENCRYPTED, "*.corp|localhost")), DECRYPTER, ENV);
        ProxyServer chosen = config.select(URI.create("https://pypi.org/simple/")).orElseThrow();
        assertEquals("proxy.corp:3128", chosen.address());
        assertEquals("ci", chosen.username());
        assertEquals(DECRYPTED, chosen.password());
        assertEquals("settings.xml <proxy> 'corp'", chosen.source());
        assertTrue(config.select(URI.create("https://pypi.corp/simple/")).isEmpty());
        assertEquals(1, config.proxies().size());
    }

    @Test
    void withoutAnActiveProxyTheEnvironmentCounts() throws Exception {
        ProxyConfig config = ProxySettings.resolve(settings(proxy("off", false, "http", "inactive.corp", 1, null, null,
                null)), DECRYPTER, ENV);
        assertEquals("env-proxy:9000 HTTPS_PROXY", config.select(URI.create("https://pypi.org/simple/"))
                .map(p -> p.address() + " " + p.source()).orElseThrow());
        assertTrue(config.select(URI.create("https://pypi.internal/simple/")).isEmpty());
        assertTrue(ProxySettings.resolve(null, null, Map.of()).isEmpty());
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsWithoutQuotingTheSecurityFile() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ProxySettings.resolve(settings(
                proxy("corp", true, "http", "proxy.corp", 3128, "ci", "{broken}", null)), DECRYPTER, Map.of()));
        assertEquals("The password of <proxy> 'corp' in settings.xml cannot be decrypted: Failed to decrypt password "
                + "for proxy corp; check ~/.m2/settings-security.xml (mvn --encrypt-master-password)", e.getMessage());
    }

    @Test
    void anUnusableProxyEntryOrVariableIsNamedWithWhatWouldBeValid() {
        MojoExecutionException protocol = assertThrows(MojoExecutionException.class, () -> ProxySettings.resolve(
                settings(proxy("socks", true, "socks5", "proxy.corp", 1080, null, null, null)), DECRYPTER, Map.of()));
        assertEquals("Cannot use settings.xml <proxy> 'socks': <protocol> is 'socks5'; expected http or https (the "
                + "scheme of the URLs it serves), or set <active>false</active>", protocol.getMessage());
        MojoExecutionException env = assertThrows(MojoExecutionException.class, () -> ProxySettings.resolve(
                settings(), DECRYPTER, Map.of("https_proxy", "https://u:env-5ecret@proxy.corp:443")));
        assertEquals("Cannot use the proxy of the environment: https_proxy names a https:// proxy "
                + "(https://proxy.corp:443), which the plugin cannot use: only http:// proxies are supported (expected "
                + "http://[user:password@]host:port); fix the variable, or configure an active <proxy> in settings.xml, "
                + "which takes precedence", env.getMessage());
    }
}
