package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.CachingProbe;
import io.github.smvm.probe.DefaultDiscoveryContext;
import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.probe.Prober;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.report.WheelHealthReport;
import io.github.smvm.selection.Status;
import io.github.smvm.testing.TestIndex;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary interpreter that hangs and a fallback that exits 3: the assessment does not crash, each becomes an
 * {@code unavailable} environment with the probe's reason (also in {@code wheel-health.json}), the hang is killed,
 * and the virtual target is still assessed.
 */
@DisabledOnOs(OS.WINDOWS)
class BrokenInterpreterAssessmentTest {

    private static final String TARGET = "cp312-manylinux_2_28_x86_64";

    @TempDir
    Path tmp;

    private Path script(String dir, String body) throws Exception {
        Path file = Files.createDirectories(tmp.resolve(dir)).resolve("python3.12");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void hangingPrimaryAndFailingFallbackAreUnavailableWithTheirReasonsAndTheTargetIsAssessed() throws Exception {
        Path pid = tmp.resolve("pid");
        Path hang = script("hang", "echo $$ > '" + pid + "'; exec sleep 60");
        Path exit3 = script("exit3", "echo 'Fatal Python error: init_import_site' >&2; exit 3");
        TestIndex index = new TestIndex();
        index.wheel("demo", "1.0", "demo-1.0-py3-none-any.whl");
        String indexUrl = index.writeTo(tmp.resolve("index")).toString();
        Path home = Files.createDirectories(tmp.resolve("home"));
        List<String> log = new CopyOnWriteArrayList<>();
        AssessmentRun.Result result;
        try (Prober prober = new Prober(Duration.ofSeconds(1))) {
            Discovery discovery = new Discovery(new DefaultDiscoveryContext(Map.of("PATH", ""), home, tmp, "Linux",
                    ProcessRunner.system(), Files.createDirectories(tmp.resolve("root"))), new CachingProbe(prober));
            AssessmentRun.Config config = new AssessmentRun.Config(new RequirementsLoader.Sources(List.of(), List.of(),
                    null, Set.of(), Set.of(), null, List.of("demo")), InterpreterRequest.parse(hang.toString()),
                    InterpreterRequest.parse(exit3.toString()), List.of(TARGET),
                    IndexSettings.ofPom(indexUrl, List.of(), List.of(), null), true, false, NetworkSettings.defaults(),
                    IndexStrategy.FIRST_INDEX);
            result = AssessmentRun.run(config, new PolicySettings(0.9, Set.of(), Set.of(), OnDegraded.FALLBACK, false),
                    discovery, Map.of(), log::add);
        }
        Optional<ProcessHandle> hung = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
        assertFalse(hung.isPresent() && hung.get().isAlive(), "the hanging interpreter is still there");

        AssessedEnvironment primary = result.outcome().environments().get(0).environment();
        assertEquals("primary", primary.id());
        assertFalse(primary.available());
        assertEquals(hang + " did not answer the probe within 1000 ms and was killed.\nCheck that it starts from a "
                + "terminal (`" + hang + " -c pass`); on a slow or loaded machine raise the probe timeout.",
                primary.unavailableReason());
        AssessedEnvironment fallback = result.outcome().environments().get(1).environment();
        assertFalse(fallback.available());
        assertTrue(fallback.unavailableReason().startsWith(exit3 + " exited with code 3"),
                fallback.unavailableReason());
        assertTrue(fallback.unavailableReason().contains("Fatal Python error: init_import_site"),
                fallback.unavailableReason());
        assertTrue(log.contains("primary: unavailable: timed out after 1000 ms"), log::toString);
        assertTrue(log.contains("fallback: unavailable: exited with code 3: Fatal Python error: init_import_site"),
                log::toString);

        EnvironmentResult target = result.outcome().environments().get(2);
        assertEquals(TARGET, target.environment().id());
        assertEquals(Status.WHEEL, target.packages().get(0).status());

        JsonNode report = WheelHealthReport.toJson(result.outcome(), 0.9, Instant.EPOCH, result.sources(),
                result.indexSources());
        JsonNode primaryJson = report.get("environments").get(0);
        assertEquals(primary.unavailableReason(), primaryJson.get("unavailable_reason").asText());
        assertEquals("complete_failure", report.get("wheel_status").asText());
    }
}
