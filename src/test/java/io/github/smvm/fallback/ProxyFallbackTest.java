package io.github.smvm.fallback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.assess.NetworkSettings;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.NonProxyHosts;
import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.ProxyServer;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.venv.PipSettings;
import io.github.smvm.venv.VenvLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The assessment's proxy reaches the fallback's pip through its environment only, and is scrubbed from its output. */
class ProxyFallbackTest {

    private static final String PASSWORD = "pr@xy 5ecret";

    @TempDir
    Path tmp;

    @Test
    void theProxyWithPercentEncodedCredentialsIsInPipsEnvironmentNotItsArgumentsAndIsScrubbed() throws Exception {
        Path requirements = Files.writeString(tmp.resolve("requirements.txt"), "demo==1.0\n");
        ProxyConfig proxies = ProxyConfig.maven(List.of(new ProxyServer("http", "proxy.corp", 3128, "ci", PASSWORD,
                NonProxyHosts.maven("*.corp|10.*"), "settings.xml <proxy> 'corp'")));
        AssessmentRun.Config config = new AssessmentRun.Config(
                new RequirementsLoader.Sources(List.of(requirements), List.of(), null, Set.of(), Set.of(), null, List.of()),
                InterpreterRequest.parse("3.12"), InterpreterRequest.parse("3.11"), List.of(),
                IndexSettings.ofPom("https://pypi.org/simple/", List.of(), List.of(), null), true, false,
                NetworkSettings.defaults().withProxy(proxies), IndexStrategy.FIRST_INDEX);
        FallbackInputs inputs = FallbackInputs.of(config, true, Map.of());
        PipSettings pip = inputs.pip();
        Map<String, String> proxyVariables = new LinkedHashMap<>(pip.environment(VenvLayout.POSIX));
        proxyVariables.keySet().retainAll(PipSettings.PROXY_VARIABLES);
        String url = "http://ci:pr%40xy%205ecret@proxy.corp:3128";
        assertEquals(Map.of("http_proxy", url, "HTTP_PROXY", url, "https_proxy", url, "HTTPS_PROXY", url,
                "no_proxy", ".corp", "NO_PROXY", ".corp"), proxyVariables);
        assertEquals(List.of("the <nonProxyHosts> pattern '10.*' of settings.xml <proxy> 'corp' cannot be given to "
                + "pip, whose NO_PROXY takes host names and suffixes ('*.corp' works): pip reaches such hosts through "
                + "the proxy"), inputs.warnings());
        String arguments = String.join(" ", pip.installArguments(null));
        assertFalse(arguments.contains("proxy") || arguments.contains("5ecret"), arguments);
        String printed = "WARNING: Retrying after connection broken by 'ProxyError(Cannot connect to proxy " + url
                + ")'; Proxy-Authorization: Basic Y2k6cHJAeHkgNWVjcmV0; password " + PASSWORD;
        assertEquals("WARNING: Retrying after connection broken by 'ProxyError(Cannot connect to proxy "
                + "http://ci:****@proxy.corp:3128)'; Proxy-Authorization: Basic ****; password ****",
                PipSettings.scrub(printed, pip.secrets()));
    }
}
