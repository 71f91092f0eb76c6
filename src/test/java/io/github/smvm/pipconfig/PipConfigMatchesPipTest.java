package io.github.smvm.pipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.testing.PyenvInterpreters;
import java.io.IOException;
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

/**
 * For each scenario of configuration files and {@code PIP_*} variables, what {@link PipConfigReader}
 * reads is what the machine's real pip resolves for {@code pip install}: its parsed options
 * {@code index_url}, {@code extra_index_urls}, {@code find_links}, {@code no_index} and {@code cert}
 * ({@code pip._internal.commands.create_command("install").parse_args([])}, run in one interpreter with
 * each scenario's environment). Home, {@code XDG_CONFIG_HOME} and {@code XDG_CONFIG_DIRS} point into
 * a temporary directory; the machine's {@code /etc/pip.conf}, which neither can be kept from reading,
 * is read by both.
 */
class PipConfigMatchesPipTest {

    private static final String PIP_DEFAULT_INDEX = "https://pypi.org/simple";
    private static final String SCRIPT = """
            import json, os, sys
            from pip._internal.commands import create_command
            out = []
            for env in json.load(sys.stdin):
                os.environ.clear()
                os.environ.update(env)
                options, _ = create_command("install").parse_args([])
                out.append({"index_url": options.index_url, "extra_index_urls": options.extra_index_urls,
                            "find_links": options.find_links, "no_index": bool(options.no_index),
                            "cert": options.cert})
            print(json.dumps(out))
            """;

    @TempDir
    Path tmp;

    private record Scenario(String name, Map<String, String> env) {
    }

    private final List<Scenario> scenarios = new ArrayList<>();

    private Path file(String relative, String text) throws IOException {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private Map<String, String> baseEnv(String scenario) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(scenario));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", dir.resolve("home").toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("home/.config").toString());
        env.put("XDG_CONFIG_DIRS", dir.resolve("xdg").toString());
        return env;
    }

    @Test
    void readerAgreesWithPipOnEveryScenario() throws Exception {
        Path python = PyenvInterpreters.version("3.12.").or(() -> PyenvInterpreters.version("3.11."))
                .orElse(null);
        assumeTrue(python != null, "needs a pyenv CPython 3.12 or 3.11 with pip");

        Map<String, String> env = baseEnv("user-only");
        file("user-only/home/.config/pip/pip.conf", "[global]\nindex-url = https://user.example/simple\n"
                + "extra-index-url =\n    https://e1.example/simple\n    https://e2.example/simple\n"
                + "find-links = /wheels/a /wheels/b\n");
        scenarios.add(new Scenario("user-only", env));

        env = baseEnv("legacy-and-new");
        file("legacy-and-new/home/.pip/pip.conf", "[global]\nindex-url = https://legacy.example/simple\n"
                + "find-links = /legacy\n");
        file("legacy-and-new/home/.config/pip/pip.conf", "[global]\nindex-url = https://new.example/simple\n");
        scenarios.add(new Scenario("legacy-and-new", env));

        env = baseEnv("config-file-replaces-user");
        file("config-file-replaces-user/xdg/pip/pip.conf", "[global]\nindex-url = https://xdg.example/simple\n"
                + "no-index = on\n");
        file("config-file-replaces-user/home/.config/pip/pip.conf", "[install]\nextra-index-url = https://u/\n");
        env.put("PIP_CONFIG_FILE", file("config-file-replaces-user/ci.conf",
                "[global]\nIndex_URL = https://ci.example/simple\n").toString());
        scenarios.add(new Scenario("config-file-replaces-user", env));

        env = baseEnv("missing-config-file");
        file("missing-config-file/home/.config/pip/pip.conf", "[global]\nfind_links = /user-wheels\n");
        env.put("PIP_CONFIG_FILE", tmp.resolve("missing-config-file/nope.conf").toString());
        scenarios.add(new Scenario("missing-config-file", env));

        env = baseEnv("null-device");
        file("null-device/home/.config/pip/pip.conf", "[global]\nindex-url = https://ignored.example/simple\n");
        env.put("PIP_CONFIG_FILE", "/dev/null");
        env.put("PIP_FIND_LINKS", "/opt/wheels");
        scenarios.add(new Scenario("null-device", env));

        env = baseEnv("install-section-and-variables");
        // a global file's [install] beats the [global] of PIP_CONFIG_FILE, which pip applies later
        file("install-section-and-variables/xdg/pip/pip.conf", "[install]\nindex-url = https://install.example/\n"
                + "[DEFAULT]\nno-index = yes\n[global]\nfind-links = /from-file\n");
        env.put("PIP_CONFIG_FILE", file("install-section-and-variables/later.conf",
                "[global]\nindex-url = https://global-in-later-file.example/\n").toString());
        env.put("PIP_EXTRA_INDEX_URL", "https://x.example/ https://y.example/");
        env.put("PIP_FIND_LINKS", "");
        env.put("PIP_CERT", "/tmp/ca.pem");
        scenarios.add(new Scenario("install-section-and-variables", env));

        env = baseEnv("user-install-over-config-file-global");
        file("user-install-over-config-file-global/home/.config/pip/pip.conf",
                "[install]\nindex-url = https://install.example/\n");
        env.put("PIP_CONFIG_FILE", tmp.resolve("user-install-over-config-file-global/absent.conf").toString());
        env.put("PIP_NO_INDEX", "0");
        scenarios.add(new Scenario("user-install-over-config-file-global", env));

        JsonNode pip = runPip(python);
        ObjectMapper mapper = new ObjectMapper();
        for (int i = 0; i < scenarios.size(); i++) {
            Scenario s = scenarios.get(i);
            PipConfig ours = new PipConfigReader(PipConfigReader.TextFiles.system()).read(s.env(),
                    Path.of(s.env().get("HOME")), "Linux");
            ObjectNode mine = mapper.createObjectNode();
            mine.put("index_url", ours.indexUrl().map(PipConfig.Setting::value).orElse(PIP_DEFAULT_INDEX));
            ArrayNode extra = mine.putArray("extra_index_urls");
            ours.extraIndexUrls().map(PipConfig.Setting::value).orElse(List.of()).forEach(extra::add);
            ArrayNode links = mine.putArray("find_links");
            ours.findLinks().map(PipConfig.Setting::value).orElse(List.of()).forEach(links::add);
            mine.put("no_index", ours.noIndex().map(PipConfig.Setting::value).orElse(false));
            mine.put("cert", ours.cert().map(PipConfig.Setting::value).orElse(null));
            assertEquals(pip.get(i), mine, s.name());
        }
    }

    private JsonNode runPip(Path python) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(python.toString(), "-I", "-c", SCRIPT);
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/bin:/bin");
        pb.redirectErrorStream(false);
        Process p = pb.start();
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode input = mapper.createArrayNode();
        scenarios.forEach(s -> input.add(mapper.valueToTree(s.env())));
        try (var in = p.getOutputStream()) {
            in.write(mapper.writeValueAsBytes(input));
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(true, p.waitFor(120, TimeUnit.SECONDS), "pip did not finish");
        assertEquals(0, p.exitValue(), "pip's options could not be read: " + err);
        return mapper.readTree(out);
    }
}
