package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.assess.NetworkSettings;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.pipconfig.PipConfig;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.venv.VenvLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fallback's pip gets what the assessment read: the pom's values, completed from pip's configuration. */
class FallbackInputsTest {

    @TempDir
    Path tmp;

    @Test
    void pipGetsTheMergedSourcesWithItsOwnConfigurationSwitchedOff() throws Exception {
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "demo==1.0\n");
        PipConfig pip = new PipConfig(
                Optional.of(new PipConfig.Setting<>("https://u:pw@corp.example/simple/", "/etc/pip.conf [global]")),
                Optional.of(new PipConfig.Setting<>(List.of("file:///opt/pypi/simple"), "/root/.config/pip/pip.conf [global]")),
                Optional.of(new PipConfig.Setting<>(List.of("/opt/wheels"), "PIP_FIND_LINKS")),
                Optional.empty(),
                Optional.of(new PipConfig.Setting<>("/etc/ssl/certs/corp.pem", "PIP_CERT")),
                List.of("/etc/pip.conf", "/root/.config/pip/pip.conf", "PIP_FIND_LINKS", "PIP_CERT"));
        AssessmentRun.Config config = new AssessmentRun.Config(
                new RequirementsLoader.Sources(List.of(requirements), List.of(), null, Set.of(), Set.of(), null, List.of()),
                InterpreterRequest.parse("3.12"), InterpreterRequest.parse("3.11"), List.of(),
                IndexSettings.resolve(null, List.of(), List.of(tmp.resolve("pom-wheels").toString()), null, pip, true),
                true, false, NetworkSettings.defaults(), IndexStrategy.FIRST_INDEX);
        FallbackInputs inputs = FallbackInputs.of(config, true, Map.of());
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("PIP_CONFIG_FILE", "/dev/null");
        expected.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        expected.put("PIP_NO_INPUT", "1");
        expected.put("PIP_INDEX_URL", "https://u:pw@corp.example/simple/");
        expected.put("PIP_EXTRA_INDEX_URL", "file:///opt/pypi/simple");
        expected.put("PIP_FIND_LINKS", tmp.resolve("pom-wheels").toString());
        expected.put("PIP_CERT", "/etc/ssl/certs/corp.pem");
        expected.put("REQUESTS_CA_BUNDLE", "/etc/ssl/certs/corp.pem");
        expected.put("CURL_CA_BUNDLE", "/etc/ssl/certs/corp.pem");
        assertEquals(expected, inputs.pip().environment(VenvLayout.POSIX));
    }
}
