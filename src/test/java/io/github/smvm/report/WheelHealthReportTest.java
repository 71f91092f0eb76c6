package io.github.smvm.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.assess.AssessedEnvironment;
import io.github.smvm.assess.AssessmentOutcome;
import io.github.smvm.assess.EnvironmentResult;
import io.github.smvm.assess.Environments;
import io.github.smvm.assess.PackageResult;
import io.github.smvm.assess.Role;
import io.github.smvm.policy.HealthPolicy;
import io.github.smvm.policy.OnDegraded;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.selection.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The keys the vendor report reads, added to environments and packages without changing the others. */
class WheelHealthReportTest {

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void environmentsAndPackagesCarryIndexesPipAndWheelAvailability() {
        AssessedEnvironment target = Environments.ofTarget("cp312-manylinux_2_28_x86_64");
        PackageResult fastcalc = new PackageResult("fastcalc~=2.0", "fastcalc", Status.NO_WHEEL, null, null, "no cp312 wheel",
                null, List.of(), List.of(new PackageResult("core>=1", "core", Status.WHEEL, "1.0", "core-1.0-py3-none-any.whl",
                        null, null, List.of("fastcalc", "core"), List.of(), "1.0", List.of("py3-none-any"), "1.0", Map.of())),
                "2.1.0", List.of("cp311-cp311-manylinux_2_17_x86_64"), null,
                Map.of("Source", "https://github.com/example/fastcalc", "Homepage", "https://fastcalc.example.org"));
        AssessmentOutcome outcome = AssessmentOutcome.of(List.of(
                new EnvironmentResult(AssessedEnvironment.unavailable("primary", Role.PRIMARY, "no 3.12\nlooked in PATH"), List.of()),
                new EnvironmentResult(target, List.of(fastcalc))),
                new HealthPolicy(new PolicySettings(0.9, Set.of(), Set.of(), OnDegraded.FALLBACK, true)));
        ObjectNode json = WheelHealthReport.toJson(outcome, 0.9, Instant.parse("2026-11-22T10:15:00Z"),
                List.of("https://host/simple/?token=****"));

        assertEquals(List.of("schema_version", "timestamp", "wheel_status", "primary_python", "fallback_python",
                "selected_python", "threshold", "ignored", "packages_checked", "packages_available", "packages_failed",
                "fallback_required", "fallback_reason", "recommendations", "environments"), names(json));
        JsonNode primary = json.get("environments").get(0);
        assertEquals("no 3.12\nlooked in PATH", primary.get("unavailable_reason").asText());
        assertEquals("[]", primary.get("indexes").toString(), "an unavailable environment read nothing");
        JsonNode env = json.get("environments").get(1);
        assertEquals(List.of("id", "role", "python_version", "implementation", "executable", "platform", "interpreter_tag",
                "pip_version", "unavailable_reason", "indexes", "index_sources", "ratio", "healthy", "packages"), names(env));
        assertEquals("cp312", env.get("interpreter_tag").asText());
        assertEquals("null", env.get("pip_version").toString());
        assertEquals("[\"https://host/simple/?token=****\"]", env.get("indexes").toString());
        JsonNode p = env.get("packages").get(0);
        assertEquals(List.of("requirement", "name", "status", "ignored", "version", "wheel", "reason", "suggestion", "newest_version",
                "newest_version_wheels", "compatible_version", "project_urls", "index_warnings", "dependencies"), names(p));
        assertEquals("2.1.0", p.get("newest_version").asText());
        assertEquals("[\"cp311-cp311-manylinux_2_17_x86_64\"]", p.get("newest_version_wheels").toString());
        assertEquals("null", p.get("compatible_version").toString());
        assertEquals("{\"Homepage\":\"https://fastcalc.example.org\",\"Source\":\"https://github.com/example/fastcalc\"}",
                p.get("project_urls").toString());
        JsonNode dependency = p.get("dependencies").get(0);
        assertEquals("1.0", dependency.get("compatible_version").asText());
        assertEquals("[\"fastcalc\",\"core\"]", dependency.get("via").toString());
        // a package that has its wheel does not list the newest version's wheels (a miss does, above)
        assertEquals(List.of("requirement", "name", "status", "version", "wheel", "reason", "suggestion", "newest_version",
                "compatible_version", "project_urls", "index_warnings", "via"), names(dependency));
    }

    @Test
    void ignoredRequirementIsMarkedAndEveryFormatLeavesItOutOfTheProblems() throws Exception {
        AssessedEnvironment target = Environments.ofTarget("cp312-manylinux_2_28_x86_64");
        PackageResult legacy = new PackageResult("legacy==1.0", "legacy", Status.SDIST_ONLY, null, null,
                "only an sdist", null, List.of(), List.of(), null, List.of(), null, Map.of());
        PackageResult broken = new PackageResult("broken", "broken", Status.NO_WHEEL, null, null,
                "no cp312 wheel", null, List.of(), List.of(), null, List.of(), null, Map.of());
        PackageResult fine = new PackageResult("fine", "fine", Status.WHEEL, "1.0", "fine-1.0-py3-none-any.whl",
                null, null, List.of(), List.of(), "1.0", List.of("py3-none-any"), "1.0", Map.of());
        AssessmentOutcome outcome = AssessmentOutcome.of(List.of(new EnvironmentResult(target, List.of(legacy, broken, fine))),
                new HealthPolicy(new PolicySettings(0.5, Set.of(), Set.of("legacy"), OnDegraded.FALLBACK, true)));

        ObjectNode json = WheelHealthReport.toJson(outcome, 0.5, Set.of("legacy"), Instant.parse("2026-11-22T10:15:00Z"),
                List.of(), List.of());

        assertEquals("[\"legacy\"]", json.get("ignored").toString());
        JsonNode packages = json.get("environments").get(0).get("packages");
        assertEquals(true, packages.get(0).get("ignored").asBoolean());
        assertEquals(false, packages.get(1).get("ignored").asBoolean());
        String xml = JUnitReport.render(json);
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains("tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"1\""), xml);
        org.junit.jupiter.api.Assertions.assertTrue(xml.contains(
                "<skipped message=\"ignored by the policy (&lt;ignore&gt;): sdist_only: only an sdist\""), xml);
        String md = MarkdownReport.render(json, List.of());
        org.junit.jupiter.api.Assertions.assertTrue(md.contains(
                "Ignored by the policy (`<ignore>`), not counted although not available everywhere: `legacy==1.0`."), md);
        org.junit.jupiter.api.Assertions.assertTrue(md.contains("1 requirement of 3 does not install from wheels everywhere"), md);
        String html = HtmlReport.render(json, List.of());
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("title=\"ignored by the policy (&lt;ignore&gt;): not counted"), html);
    }

    @Test
    void theNewestVersionsWheelsAreListedOnEveryEntryOfAProjectThatLacksAWheelSomewhere() {
        AssessedEnvironment linux = Environments.ofTarget("cp312-manylinux_2_28_x86_64");
        AssessedEnvironment mac = Environments.ofTarget("cp312-macosx_14_0_arm64");
        List<String> wheels = List.of("cp312-cp312-manylinux_2_17_x86_64");
        PackageResult fastOnLinux = new PackageResult("fast", "fast", Status.WHEEL, "2.0", "fast-2.0-cp312-cp312-manylinux_2_17_x86_64.whl",
                null, null, List.of(), List.of(), "2.0", wheels, "2.0", Map.of());
        PackageResult fastOnMac = new PackageResult("fast", "fast", Status.NO_WHEEL, null, null, "no macOS wheel",
                null, List.of(), List.of(), "2.0", wheels, null, Map.of());
        PackageResult pure = new PackageResult("pure", "pure", Status.WHEEL, "1.0", "pure-1.0-py3-none-any.whl",
                null, null, List.of(), List.of(), "1.0", List.of("py3-none-any"), "1.0", Map.of());
        AssessmentOutcome outcome = AssessmentOutcome.of(List.of(new EnvironmentResult(linux, List.of(fastOnLinux, pure)),
                new EnvironmentResult(mac, List.of(fastOnMac, pure))),
                new HealthPolicy(new PolicySettings(0.5, Set.of(), Set.of(), OnDegraded.FALLBACK, true)));

        JsonNode environments = WheelHealthReport.toJson(outcome, 0.5, Instant.parse("2026-11-22T10:15:00Z")).get("environments");

        for (JsonNode env : environments) {
            JsonNode fast = env.get("packages").get(0);
            assertEquals("[\"cp312-cp312-manylinux_2_17_x86_64\"]", fast.get("newest_version_wheels").toString(),
                    "fast misses its wheel on macOS, so every entry of it says what its wheels are built for");
            org.junit.jupiter.api.Assertions.assertFalse(env.get("packages").get(1).has("newest_version_wheels"),
                    "pure has its wheel everywhere");
        }
    }
}
