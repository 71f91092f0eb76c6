package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.smvm.assess.IndexAuthentication;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.index.IndexCredentials;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.DefaultSettingsProblem;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.junit.jupiter.api.Test;

/** How {@code <indexServerId>} and {@code <extraIndexServerIds>} find and decrypt settings.xml servers. */
class CredentialLookupTest {

    private static final String ENCRYPTED = "{COQLCE6DU6GtcS5P=}";
    private static final String DECRYPTED = "decrypted-s3cret";

    /** Decrypts {@link #ENCRYPTED} to {@link #DECRYPTED}; any other braced value is a decryption error. */
    private static final SettingsDecrypter DECRYPTER = new SettingsDecrypter() {
        @Override
        public SettingsDecryptionResult decrypt(SettingsDecryptionRequest request) {
            List<Server> servers = request.getServers().stream().map(s -> {
                Server copy = s.clone();
                if (ENCRYPTED.equals(s.getPassword())) {
                    copy.setPassword(DECRYPTED);
                }
                return copy;
            }).toList();
            List<SettingsProblem> problems = request.getServers().stream()
                    .filter(s -> s.getPassword() != null && s.getPassword().startsWith("{")
                            && !ENCRYPTED.equals(s.getPassword()))
                    .map(s -> (SettingsProblem) new DefaultSettingsProblem("Failed to decrypt password for server "
                            + s.getId() + ": XmlPullParserException: <master>master-5ecret</master>", SettingsProblem.Severity.ERROR, "server: " + s.getId(), -1, -1, null))
                    .toList();
            return new SettingsDecryptionResult() {
                @Override
                public Server getServer() {
                    return servers.isEmpty() ? null : servers.get(0);
                }

                @Override
                public List<Server> getServers() {
                    return servers;
                }

                @Override
                public org.apache.maven.settings.Proxy getProxy() {
                    return null;
                }

                @Override
                public List<org.apache.maven.settings.Proxy> getProxies() {
                    return List.of();
                }

                @Override
                public List<SettingsProblem> getProblems() {
                    return problems;
                }
            };
        }
    };

    private static Server server(String id, String username, String password) {
        Server server = new Server();
        server.setId(id);
        server.setUsername(username);
        server.setPassword(password);
        return server;
    }

    private static Settings settings(Server... servers) {
        Settings settings = new Settings();
        for (Server server : servers) {
            settings.addServer(server);
        }
        return settings;
    }

    private static IndexCredentials lookup(Settings settings, String id) throws MojoExecutionException {
        return ServerCredentials.lookup(settings, DECRYPTER, id, "indexServerId", PropertyNames.INDEX_SERVER_ID);
    }

    @Test
    void anEncryptedPasswordIsDecrypted() throws Exception {
        IndexCredentials c = lookup(settings(server("corp-pypi", "alice", ENCRYPTED)), "corp-pypi");
        assertEquals(new IndexCredentials("corp-pypi", "alice", DECRYPTED), c);
        assertFalse(c.isToken());
    }

    @Test
    void aPasswordWithoutUsernameIsAToken() throws Exception {
        IndexCredentials c = lookup(settings(server("corp-token", null, "t0ken-value")), "corp-token");
        assertEquals("Bearer t0ken-value", c.authorization());
    }

    @Test
    void anUnknownIdNamesTheParameterAndTheIdsThatExist() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> lookup(
                settings(server("corp-pypi", "alice", "pw-one"), server("nexus", "bob", "pw-two")), "corp"));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): there is no <server> with id 'corp' in "
                + "settings.xml; its servers are corp-pypi, nexus", e.getMessage());
    }

    @Test
    void anUnknownIdWithoutServersSaysSo() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> lookup(settings(), "corp"));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): there is no <server> with id 'corp' in "
                + "settings.xml; it has no servers", e.getMessage());
    }

    @Test
    void aPasswordThatCannotBeDecryptedFailsWithoutQuotingTheSecurityFile() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> lookup(settings(server("corp-pypi", "alice", "{broken-cipher}")), "corp-pypi"));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): the password of <server> 'corp-pypi' in "
                + "settings.xml cannot be decrypted: Failed to decrypt password for server corp-pypi; check "
                + "~/.m2/settings-security.xml (mvn --encrypt-master-password)", e.getMessage());
    }

    @Test
    void aServerWithoutPasswordIsRefused() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> lookup(settings(server("corp-pypi", "alice", null)), "corp-pypi"));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): <server> 'corp-pypi' in settings.xml has no "
                + "<password> (a password, or a token with no <username>) and no <configuration><httpHeaders>",
                e.getMessage());
    }

    @Test
    void aPasswordWithALineBreakIsRefusedWithoutQuotingIt() {
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> lookup(settings(server("corp-pypi", "alice", "line-5ecret\nX-Injected: 1")), "corp-pypi"));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): the password of <server> 'corp-pypi' in "
                + "settings.xml contains a control character (a line break?), which an HTTP header cannot carry", e.getMessage());
        MojoExecutionException colon = assertThrows(MojoExecutionException.class,
                () -> lookup(settings(server("corp-pypi", "ali:ce", "pw-5ecret")), "corp-pypi"));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): the username of <server> 'corp-pypi' in "
                + "settings.xml contains ':', which Basic authentication cannot carry", colon.getMessage());
    }

    @Test
    void extraIndexServerIdsPairWithExtraIndexUrlsInOrder() throws Exception {
        AssessMojo mojo = new AssessMojo();
        mojo.settings = settings(server("a", "alice", "pw-alpha"), server("b", null, "tok-beta"));
        mojo.settingsDecrypter = DECRYPTER;
        mojo.indexServerId = "a";
        mojo.extraIndexServerIds = List.of("-", "b");
        IndexSettings indexes = IndexSettings.ofPom("https://main/simple/",
                List.of("https://one/simple/", "https://two/simple/"), List.of(), null);
        IndexAuthentication auth = mojo.authentication(indexes);
        assertEquals(new IndexCredentials("a", "alice", "pw-alpha"), auth.index());
        assertEquals(Map.of("https://two/simple/", new IndexCredentials("b", "", "tok-beta")), auth.extraIndexes());

        mojo.extraIndexServerIds = List.of("b");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> mojo.authentication(indexes));
        assertEquals("Invalid <extraIndexServerIds> (smvm.extraIndexServerIds): 1 server ids for 2 extra indexes: "
                + "give one per entry of <extraIndexUrls>, in the same order, and '-' for an index without "
                + "credentials", e.getMessage());
    }
}
