package io.github.smvm.venv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipSettingsTest {

    private static final String SECRET_INDEX = "https://ci-bot:p%40ss-w0rd@pypi.corp.example/simple/";

    private final PipSettings settings = new PipSettings(List.of(Path.of("/p/requirements.txt")),
            List.of(Path.of("/p/constraints.txt")), List.of("numpy>=2"), SECRET_INDEX,
            List.of("https://token:abc123xyz@extra.example/simple/"), List.of("/wheels dir"), false, true, false, true);

    @Test
    void locationsAndCredentialsGoThroughTheEnvironmentNeverTheCommandLine() {
        List<String> args = settings.installArguments(Path.of("/tmp/extra.txt"));
        assertEquals(List.of("--no-input", "--disable-pip-version-check", "--only-binary=:all:", "--require-hashes",
                "-r", "/p/requirements.txt", "-r", "/tmp/extra.txt", "-c", "/p/constraints.txt"), args);
        String joined = String.join(" ", args);
        assertFalse(joined.contains("p%40ss"));
        assertFalse(joined.contains("abc123xyz"));

        Map<String, String> env = settings.environment(VenvLayout.POSIX);
        assertEquals("/dev/null", env.get("PIP_CONFIG_FILE"));
        assertEquals(SECRET_INDEX, env.get("PIP_INDEX_URL"));
        assertEquals("https://token:abc123xyz@extra.example/simple/", env.get("PIP_EXTRA_INDEX_URL"));
        assertEquals("/wheels dir", env.get("PIP_FIND_LINKS"));
    }

    @Test
    void noIndexDropsEveryIndexButKeepsFindLinks() {
        PipSettings offline = new PipSettings(List.of(Path.of("r.txt")), List.of(), List.of(), "https://x/simple",
                List.of("https://y/simple"), List.of("/wheels"), true, true, true, false);
        Map<String, String> env = offline.environment(VenvLayout.WINDOWS);
        assertEquals("1", env.get("PIP_NO_INDEX"));
        assertFalse(env.containsKey("PIP_INDEX_URL"));
        assertFalse(env.containsKey("PIP_EXTRA_INDEX_URL"));
        assertEquals("nul", env.get("PIP_CONFIG_FILE"));
        assertTrue(offline.installArguments(null).contains("--pre"));
        assertEquals(List.of("/wheels"), offline.redactedLocations());
    }

    @Test
    void scrubsPasswordsAndTokensFromWhatPipPrints() {
        String pipSays = "ERROR: 401 for https://ci-bot:p%40ss-w0rd@pypi.corp.example/simple/numpy/ and token abc123xyz";
        String scrubbed = PipSettings.scrub(pipSays, settings.secrets());
        assertFalse(scrubbed.contains("p%40ss-w0rd"), scrubbed);
        assertFalse(scrubbed.contains("abc123xyz"), scrubbed);
        assertFalse(PipSettings.scrub("password p@ss-w0rd echoed decoded", settings.secrets()).contains("p@ss-w0rd"));
        assertEquals(List.of("https://pypi.corp.example/simple/", "https://extra.example/simple/", "/wheels dir"),
                settings.redactedLocations());
    }

    @Test
    void refusesToInstallNothing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PipSettings(List.of(),
                List.of(), List.of(), null, List.of(), List.of(), false, true, false, false));
        assertTrue(e.getMessage().startsWith("there is nothing to install"), e.getMessage());
    }

    @Test
    void pipsCertFromItsConfigurationIsPassedAndPartOfTheSettings() {
        PipSettings withCert = new PipSettings(List.of(Path.of("r.txt")), List.of(), List.of(), "https://x/simple",
                List.of(), List.of(), false, true, false, false, "/etc/ssl/certs/corp.pem");
        assertEquals("/etc/ssl/certs/corp.pem", withCert.environment(VenvLayout.POSIX).get("PIP_CERT"));
        assertEquals(null, settings.environment(VenvLayout.POSIX).get("PIP_CERT"));
        assertFalse(io.github.smvm.fallback.FallbackRun.digest(List.of(), withCert, List.of()).equals(
                io.github.smvm.fallback.FallbackRun.digest(List.of(), new PipSettings(List.of(Path.of("r.txt")),
                        List.of(), List.of(), "https://x/simple", List.of(), List.of(), false, true, false, false),
                        List.of())), "a different CA bundle is a different environment");
    }
}
