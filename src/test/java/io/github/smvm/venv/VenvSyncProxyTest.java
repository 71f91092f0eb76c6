package io.github.smvm.venv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.smvm.index.NonProxyHosts;
import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.ProxyServer;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.testing.PyenvInterpreters;
import io.github.smvm.testing.TestIndex;
import io.github.smvm.testing.TestProxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fallback's pip reaches the index through the proxy of settings.xml, given only through its environment:
 * a real pip in a real venv installs a real wheel from a loopback index through a loopback proxy that demands
 * Basic credentials (inherited proxy variables of the test's own environment are removed by VenvSync).
 */
class VenvSyncProxyTest {

    private static final String PASSWORD = "pip-pr0xy:5ecret/pw";

    @TempDir
    Path temp;

    private Path python;
    private TestIndex.Served index;
    private TestProxy proxy;

    @BeforeEach
    void start() {
        python = PyenvInterpreters.version("3.11.").orElse(null);
        assumeTrue(python != null, "needs CPython 3.11 under " + PyenvInterpreters.root() + "/versions");
        TestIndex packages = new TestIndex();
        packages.wheel("demo", "1.0", "demo-1.0-py3-none-any.whl");
        index = packages.serve(TestIndex.Format.HTML);
        proxy = new TestProxy("carol", PASSWORD);
    }

    @AfterEach
    void stop() {
        if (index != null) {
            index.close();
            proxy.close();
        }
    }

    private VenvSync.Request request(String password) throws Exception {
        Path requirements = Files.writeString(temp.resolve("requirements.txt"), "demo==1.0\n");
        ProxyConfig proxies = ProxyConfig.maven(List.of(new ProxyServer("http", "127.0.0.1", proxy.port(), "carol",
                password, NonProxyHosts.maven("*.corp"), "settings.xml <proxy> 'corp'")));
        PipSettings pip = new PipSettings(List.of(requirements), List.of(), List.of(), index.simpleUrl().toString(),
                List.of(), List.of(), false, true, false, false, null, proxies);
        assertFalse(String.join(" ", pip.installArguments(null)).contains("5ecret"));
        Path venv = temp.resolve(".venv");
        return new VenvSync.Request(venv, python, python.getParent().getParent().getFileName().toString(), "inputs",
                pip, List.of(), 1, venv.resolveSibling("requirements.lock"), VenvSync.Timeouts.defaults());
    }

    private static VenvSync sync(List<String> details) {
        return new VenvSync(ProcessRunner.system(), VenvLayout.POSIX, Clock.systemUTC(),
                (stage, detail) -> details.add(stage + " " + detail));
    }

    @Test
    void pipInstallsThroughTheProxyWithTheCredentialsOfItsEnvironment() throws Exception {
        List<String> details = new CopyOnWriteArrayList<>();
        VenvSync.Result result = sync(details).sync(request(PASSWORD), message -> { });
        assertEquals(List.of("demo==1.0"), result.packages());
        String expected = "Basic " + Base64.getEncoder().encodeToString(("carol:" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        List<String> seen = proxy.requests().stream().map(r -> r.method() + " " + r.target() + " "
                + expected.equals(r.headers().get("proxy-authorization"))).toList();
        String base = "http://127.0.0.1:" + index.simpleUrl().getPort();
        assertEquals(List.of("GET " + base + "/simple/demo/ true", "GET " + base + "/files/demo/demo-1.0-py3-none-any.whl true"),
                seen);
        details.forEach(line -> assertFalse(line.contains("5ecret"), line));
    }
}
