package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexAuthentication;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.assess.NetworkSettings;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.venv.PipSettings;
import io.github.smvm.venv.VenvLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback's pip gets the configured index credentials through its environment only. */
class CredentialFallbackTest {

    private static final String PASSWORD = "p@ss:w/rd 5ecret";

    @TempDir
    Path tmp;

    private FallbackInputs inputs(String indexUrl, List<String> extras, IndexAuthentication auth) throws Exception {
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "demo==1.0\n");
        AssessmentRun.Config config = new AssessmentRun.Config(
                new RequirementsLoader.Sources(List.of(requirements), List.of(), null, Set.of(), Set.of(), null, List.of()),
                InterpreterRequest.parse("3.12"), InterpreterRequest.parse("3.11"), List.of(),
                IndexSettings.ofPom(indexUrl, extras, List.of(), null), true, false, NetworkSettings.defaults(),
                IndexStrategy.FIRST_INDEX, auth);
        return FallbackInputs.of(config, true, Map.of());
    }

    @Test
    void basicCredentialsBecomePercentEncodedUserInfoInPipsEnvironmentAndAreScrubbed() throws Exception {
        FallbackInputs inputs = inputs("https://corp.example:8443/simple/", List.of("https://extra.example/simple/"),
                new IndexAuthentication(new IndexCredentials("corp", "ci bot", PASSWORD),
                        Map.of("https://extra.example/simple/", new IndexCredentials("extra", "bob", "extra-5ecret"))));
        PipSettings pip = inputs.pip();
        Map<String, String> env = pip.environment(VenvLayout.POSIX);
        assertEquals("https://ci%20bot:p%40ss%3Aw%2Frd%205ecret@corp.example:8443/simple/", env.get("PIP_INDEX_URL"));
        assertEquals("https://bob:extra-5ecret@extra.example/simple/", env.get("PIP_EXTRA_INDEX_URL"));
        assertEquals(List.of(), inputs.warnings());
        String arguments = String.join(" ", pip.installArguments(null));
        assertFalse(arguments.contains("5ecret") || arguments.contains("%40"), arguments);
        String printed = "Looking in indexes: " + env.get("PIP_INDEX_URL") + ", " + env.get("PIP_EXTRA_INDEX_URL")
                + " (password " + PASSWORD + ")";
        String scrubbed = PipSettings.scrub(printed, pip.secrets());
        assertFalse(scrubbed.contains("5ecret"), scrubbed);
        assertEquals(List.of("https://corp.example:8443/simple/", "https://extra.example/simple/"),
                pip.redactedLocations());
    }

    @Test
    void aBearerTokenIsNotPassedToPipAndSaysSo() throws Exception {
        FallbackInputs inputs = inputs("https://corp.example/simple/", List.of(),
                new IndexAuthentication(new IndexCredentials("corp-token", "", "t0ken-5ecret"), Map.of()));
        assertEquals("https://corp.example/simple/", inputs.pip().environment(VenvLayout.POSIX).get("PIP_INDEX_URL"));
        assertEquals(List.of("the token of <server> 'corp-token' is not passed to pip, which cannot send a bearer "
                + "token: pip reads https://corp.example/simple/ without it (give the server a <username> to use Basic "
                + "authentication, or configure pip's keyring)"), inputs.warnings());
        assertTrue(inputs.warnings().stream().noneMatch(w -> w.contains("t0ken-5ecret")));
    }

    @Test
    void credentialsForAnIndexPipReadsItselfAreNotPassedAndSaySo() throws Exception {
        FallbackInputs inputs = inputs(null, List.of(),
                new IndexAuthentication(new IndexCredentials("corp", "alice", "pw-5ecret"), Map.of()));
        assertEquals(null, inputs.pip().environment(VenvLayout.POSIX).get("PIP_INDEX_URL"));
        assertEquals(List.of("the credentials of <server> 'corp' are not passed to pip: the index comes from a "
                + "requirements file or pip's default, whose URL pip reads itself; set <indexUrl> to pass them"),
                inputs.warnings());
    }
}
