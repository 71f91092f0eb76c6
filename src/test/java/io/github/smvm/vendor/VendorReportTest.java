package io.github.smvm.vendor;

import static io.github.smvm.vendor.HealthFixture.inputs;
import static io.github.smvm.vendor.HealthFixture.noLog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VendorReportTest {

    private static final String FASTCALC_REASON = "fastcalc 2.1.0 has no wheel for cp312 manylinux_2_36_x86_64: "
            + "its wheels are built for cp311-cp311, none for cp312";
    private static final List<String> FASTCALC_WHEELS = List.of(
            "cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64",
            "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64");

    /** Primary 3.12 lacks fastcalc, which has cp311 wheels only; the fallback 3.11 has every wheel. */
    private static HealthFixture degraded() {
        return new HealthFixture("fallback_available", "missing_wheels_primary", "fallback")
                .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", false)
                .pkg("tinyjson>=1.0", "tinyjson", "wheel", "tinyjson-1.1.0-py3-none-any.whl", null)
                .pkg("fastcalc~=2.0", "fastcalc", "no_wheel", null, FASTCALC_REASON)
                .newest("2.1.0", FASTCALC_WHEELS, null)
                .interpreter("fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", true)
                .pkg("tinyjson>=1.0", "tinyjson", "wheel", "tinyjson-1.1.0-py3-none-any.whl", null)
                .pkg("fastcalc~=2.0", "fastcalc", "wheel",
                        "fastcalc-2.1.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl", null)
                .newest("2.1.0", FASTCALC_WHEELS, "2.1.0")
                .urls(Map.of("Source", "https://github.com/example/fastcalc", "Homepage", "https://fastcalc.example.org"));
    }

    private static List<String> texts(JsonNode array) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> result = new ArrayList<>();
        array.forEach(n -> result.add(n.path(field).asText()));
        return result;
    }

    @Test
    void degradedAssessmentIsHighWithTheFailingPackageAndARequestForTheBaselineOfItsOtherWheels() {
        VendorReport report = VendorReport.build(inputs(degraded().json(), noLog()));
        ObjectNode json = report.json();

        assertEquals(VendorReport.Severity.HIGH, report.judgement().severity());
        assertEquals(List.of("report_type", "schema_version", "generated_at", "title", "environment", "issue_details",
                "troubleshooting_steps", "business_impact", "requested_support"), fieldNames(json));
        assertEquals("wheel_compatibility_issue", json.get("report_type").asText());
        assertEquals("2026-11-22T10:20:00Z", json.get("generated_at").asText());
        assertEquals("No compatible wheels for fastcalc on cp312 manylinux_2_36_x86_64", json.get("title").asText());

        JsonNode details = json.get("issue_details");
        assertEquals(List.of(
                "1 of 2 requirements has no cp312 wheel for manylinux_2_36_x86_64 (primary interpreter, Python 3.12.1): "
                        + "fastcalc (no_wheel)",
                "Wheel status fallback_available (missing_wheels_primary): Only the fallback interpreter (Python 3.11.7) "
                        + "installs every requirement from wheels; the primary interpreter (Python 3.12.1) lacks wheels"),
                texts(details.get("symptoms")));
        JsonNode fastcalc = details.get("affected_packages").get(0);
        assertEquals(1, details.get("affected_packages").size());
        assertEquals("fastcalc~=2.0", fastcalc.get("requirement").asText());
        JsonNode primary = fastcalc.get("environments").get(0);
        assertEquals(List.of("primary", "primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", "fastcalc~=2.0", "no_wheel",
                FASTCALC_REASON, "null", "null"), List.of(primary.get("environment").asText(), primary.get("role").asText(),
                primary.get("python_version").asText(), primary.get("interpreter_tag").asText(),
                primary.get("platform").asText(), primary.get("requirement").asText(), primary.get("status").asText(),
                primary.get("reason").asText(), primary.get("suggestion").toString(),
                primary.get("newest_compatible_version").toString()));
        assertEquals("fallback", fastcalc.get("working_environments").get(0).get("environment").asText());
        assertEquals("2.1.0", fastcalc.get("working_environments").get(0).get("version").asText());
        assertEquals("2.1.0", fastcalc.get("newest_version").asText());
        assertEquals(FASTCALC_WHEELS, texts(fastcalc.get("newest_version_wheels")));
        assertEquals("{\"Homepage\":\"https://fastcalc.example.org\",\"Source\":\"https://github.com/example/fastcalc\"}",
                fastcalc.get("project_urls").toString());
        assertEquals(0, details.get("error_messages").size());

        JsonNode request = json.get("requested_support").get(0);
        assertEquals("Publish cp312 wheels for manylinux_2_17_x86_64 for fastcalc 2.1.x", request.get("request").asText());
        assertEquals("publish_wheels", request.get("kind").asText());
        assertEquals(List.of("primary"), texts(request.get("environments")));
        assertEquals(FASTCALC_REASON + ". manylinux_2_17_x86_64 is the oldest glibc baseline among the project's wheels "
                + "that this environment (manylinux_2_36_x86_64) accepts", request.get("details").asText());

        JsonNode impact = json.get("business_impact");
        assertEquals("HIGH", impact.get("severity").asText());
        assertTrue(impact.get("workaround_available").asBoolean());
        assertEquals("Build on the fallback interpreter, Python 3.11.7 (mvn smvm:fallback)", impact.get("workaround").asText());
        assertEquals("12 analysts", impact.get("affected_users").asText());
        assertEquals("2 weeks", impact.get("estimated_resolution_time").asText());
        assertEquals("platform@example.org", impact.get("contact").asText());
    }

    @Test
    void environmentStatesTheGivenFactsAndTheAssessedEnvironments() {
        JsonNode env = VendorReport.build(inputs(degraded().json(), noLog())).json().get("environment");
        assertEquals("{\"name\":\"Linux\",\"version\":\"6.1.0-18-amd64\",\"distribution\":{\"id\":\"debian\","
                + "\"version_id\":\"12\",\"name\":\"Debian GNU/Linux 12 (bookworm)\"}}", env.get("operating_system").toString());
        assertEquals("x86_64", env.get("architecture").asText());
        assertEquals("{\"family\":\"glibc\",\"version\":\"2.36\",\"source\":\"ldd --version\"}", env.get("libc").toString());
        assertEquals(List.of("3.12.1", "3.11.7"), texts(env.get("python_interpreters"), "version"));
        assertEquals("[\"primary\"]", env.get("python_interpreters").get(0).get("roles").toString());
        assertEquals(List.of("primary", "fallback"), texts(env.get("assessed_environments"), "id"));
        assertEquals("24.0", env.get("assessed_environments").get(0).get("pip_version").asText());
        assertEquals("{\"version\":\"17.0.15\",\"vendor\":\"Debian\"}", env.get("java").toString());
        assertEquals("3.8.7", env.get("maven").get("version").asText());
        assertEquals(List.of("gcc", "clang", "cl.exe"), texts(env.get("build_tools"), "name"));
        assertEquals(List.of("true", "false", "false"), texts(env.get("build_tools"), "found"));
        assertTrue(env.get("source_builds_possible").asBoolean());
        assertEquals(List.of(HealthFixture.INDEX), texts(env.get("indexes")));
    }

    @Test
    void aDependencyWithoutWheelsIsTheAffectedPackageWithTheRequirementThatPullsItIn() {
        ObjectNode health = new HealthFixture("fallback_available", "missing_wheels_primary", "fallback")
                .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", false)
                .pkg("dataapp", "dataapp", "no_wheel", "dataapp-1.0-py3-none-any.whl",
                        "dependency dataapp \u2190 speedups: speedups 1.2.0 has no wheel")
                .dependency("speedups>=1.0", "speedups", "no_wheel", null, "speedups 1.2.0 has no wheel", "dataapp", "speedups")
                .newest("1.2.0", List.of("cp311-cp311-manylinux_2_28_x86_64"), null)
                .interpreter("fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", true)
                .pkg("dataapp", "dataapp", "wheel", "dataapp-1.0-py3-none-any.whl", null)
                .dependency("speedups>=1.0", "speedups", "wheel", "speedups-1.2.0-cp311-cp311-manylinux_2_28_x86_64.whl",
                        null, "dataapp", "speedups")
                .json();
        JsonNode json = VendorReport.build(inputs(health, noLog())).json();
        JsonNode affected = json.get("issue_details").get("affected_packages");

        assertEquals(List.of("speedups"), texts(affected, "name"));
        assertEquals("[\"dataapp\"]", affected.get(0).get("required_by").toString());
        assertEquals("speedups>=1.0", affected.get(0).get("requirement").asText());
        assertEquals("speedups-1.2.0-cp311-cp311-manylinux_2_28_x86_64.whl",
                affected.get(0).get("working_environments").get(0).get("wheel").asText());
        assertEquals("1 of 1 requirements has no cp312 wheel for manylinux_2_36_x86_64 (primary interpreter, "
                + "Python 3.12.1): dataapp (dependency speedups)", json.get("issue_details").get("symptoms").get(0).asText());
        assertEquals("Publish cp312 wheels for manylinux_2_28_x86_64 for speedups 1.2.x",
                json.get("requested_support").get(0).get("request").asText());
    }

    @Test
    void completeFailureIsCriticalWithoutWorkaroundAndNamesEveryKindOfRequest() {
        ObjectNode health = new HealthFixture("complete_failure", "missing_wheels_both", null)
                .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", false)
                .pkg("slowbuild", "slowbuild", "sdist_only", null, "slowbuild 1.4.2 is published only as a source distribution")
                .newest("1.4.2", List.of(), null)
                .pkg("oldpy", "oldpy", "no_version", null, "oldpy 0.9 requires Python <3.11")
                .pkg("ghostpkg", "ghostpkg", "not_found", null, "no project 'ghostpkg' on " + HealthFixture.INDEX)
                .pkg("flaky", "flaky", "error", null, "could not read " + HealthFixture.INDEX + ": HTTP status 503")
                .interpreter("fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", false)
                .pkg("slowbuild", "slowbuild", "sdist_only", null, "slowbuild 1.4.2 is published only as a source distribution")
                .newest("1.4.2", List.of(), null)
                .json();
        VendorReport report = VendorReport.build(new VendorReport.Inputs(health, "origin", noLog(), ".smvm/wheel-fallback.log",
                HealthFixture.hostWithoutCompilers(), List.of(), HealthFixture.runtime(), null, HealthFixture.NOW));
        JsonNode json = report.json();

        assertEquals(VendorReport.Severity.CRITICAL, report.judgement().severity());
        assertFalse(json.get("business_impact").get("workaround_available").asBoolean());
        assertTrue(json.get("business_impact").get("workaround").isNull());
        assertTrue(json.get("business_impact").get("affected_users").isNull());
        assertEquals(List.of(
                "Publish cp312 wheels for manylinux_2_36_x86_64 for slowbuild 1.4.x",
                "Publish cp311 wheels for manylinux_2_36_x86_64 for slowbuild 1.4.x",
                "Release a version of oldpy that supports Python 3.12 (cp312 manylinux_2_36_x86_64)",
                "Make ghostpkg available on the package index (" + HealthFixture.INDEX + ")",
                "Fix the package index so that flaky can be read"), texts(json.get("requested_support"), "request"));
        assertEquals("slowbuild 1.4.2 is published only as a source distribution. Any manylinux_X_Y_x86_64 wheel with "
                + "glibc 2.36 or older fits this environment", json.get("requested_support").get(0).get("details").asText());
        assertEquals("[{\"source\":\"assessment (primary)\",\"message\":\"could not read " + HealthFixture.INDEX
                + ": HTTP status 503\"}]", json.get("issue_details").get("error_messages").toString());
        List<String> symptoms = texts(json.get("issue_details").get("symptoms"));
        assertEquals("No C compiler (gcc, clang, cl.exe) is on PATH: a package without a wheel cannot be built from "
                + "source on this machine", symptoms.get(symptoms.size() - 1));
        assertFalse(json.get("environment").get("source_builds_possible").asBoolean());
        assertTrue(json.get("environment").get("operating_system").get("distribution").isNull());
    }

    @Test
    void aFailedAssessmentIsCriticalWithItsReasonAsTheErrorMessage() {
        ObjectNode health = new HealthFixture("assessment_failed", null, null)
                .recommendation("Cannot read the requirements: requirements.txt line 3: invalid requirement 'foo=='")
                .json();
        VendorReport report = VendorReport.build(inputs(health, noLog()));

        assertEquals(VendorReport.Severity.CRITICAL, report.judgement().severity());
        assertEquals("The assessment could not run: Cannot read the requirements: requirements.txt line 3: invalid "
                + "requirement 'foo=='", report.judgement().reason());
        assertEquals("The wheel assessment could not run", report.json().get("title").asText());
        assertEquals("[{\"source\":\"assessment\",\"message\":\"Cannot read the requirements: requirements.txt line 3: "
                + "invalid requirement 'foo=='\"}]", report.json().get("issue_details").get("error_messages").toString());
    }

    @Test
    void aFailedLastFallbackRunMakesADegradedBuildCriticalAndBringsPipsError() {
        String pip = "Collecting fastcalc~=2.0\nERROR: No matching distribution found for fastcalc~=2.0";
        FallbackLog.Read log = FallbackLog.parse(List.of(
                "{\"timestamp\":\"2026-11-22T10:16:00Z\",\"event\":\"wheel_fallback_failed\",\"reason\":\"missing_wheels_primary\","
                        + "\"primary_python\":\"3.12.1\",\"fallback_python\":\"3.11.7\",\"status\":\"fallback_available\",\"duration_ms\":2500,"
                        + "\"backup\":\".smvm/backup/1\",\"error\":" + quote(pip) + "}"), ".smvm/wheel-fallback.log");
        VendorReport report = VendorReport.build(inputs(degraded().json(), log));
        JsonNode json = report.json();

        assertEquals(VendorReport.Severity.CRITICAL, report.judgement().severity());
        assertEquals("Only the fallback interpreter (Python 3.11.7) installs every requirement from wheels, and building "
                + "its environment failed at 2026-11-22T10:16:00Z; the primary interpreter (Python 3.12.1) lacks wheels",
                report.judgement().reason());
        assertEquals("[{\"source\":\"smvm:fallback at 2026-11-22T10:16:00Z (fallback log line 1)\",\"message\":"
                + quote(pip) + "}]", json.get("issue_details").get("error_messages").toString());
        List<String> symptoms = texts(json.get("issue_details").get("symptoms"));
        assertTrue(symptoms.contains("Building the fallback environment failed at 2026-11-22T10:16:00Z: "
                + "ERROR: No matching distribution found for fastcalc~=2.0"), symptoms.toString());
        JsonNode step = json.get("troubleshooting_steps").get(5);
        assertEquals("Ran smvm:fallback", step.get("action").asText());
        assertEquals("failed to build the environment on Python 3.11.7 in 2.5 s (reason: missing_wheels_primary); "
                + "wheel status fallback_available: ERROR: No matching distribution found for fastcalc~=2.0; the previous "
                + "environment was restored from .smvm/backup/1", step.get("result").asText());
    }

    @Test
    void aSuccessfulRunAfterAFailedOneKeepsTheWorkaround() {
        FallbackLog.Read log = FallbackLog.parse(List.of(
                "{\"timestamp\":\"2026-11-22T10:16:00Z\",\"event\":\"wheel_fallback_failed\",\"error\":\"ERROR: boom\"}",
                "{\"timestamp\":\"2026-11-22T10:18:00Z\",\"event\":\"wheel_fallback_successful\",\"fallback_python\":\"3.11.7\","
                        + "\"primary_python\":\"3.12.1\",\"duration_ms\":800,\"status\":\"fallback_available\",\"backup\":null,"
                        + "\"python_version\":\"3.11.7\",\"packages\":3}",
                "{\"timestamp\":\"2026-11-22T10:19:00Z\",\"event\":\"environment_up_to_date\",\"duration_ms\":5}"),
                ".smvm/wheel-fallback.log");
        VendorReport report = VendorReport.build(inputs(degraded().json(), log));

        assertEquals(VendorReport.Severity.HIGH, report.judgement().severity());
        assertEquals("Build on the fallback interpreter, Python 3.11.7 (mvn smvm:fallback); the fallback environment was "
                + "built at 2026-11-22T10:18:00Z", report.judgement().workaround());
        assertEquals(List.of(
                "failed to build the environment: ERROR: boom",
                "built the environment on Python 3.11.7 instead of Python 3.12.1 with 3 packages in 800 ms; wheel status "
                        + "fallback_available",
                "the environment was already up to date in 5 ms"),
                texts(report.json().get("troubleshooting_steps"), "result").subList(5, 8));
    }

    @Test
    void stepsAreInTheOrderTheyHappenedAndNumbered() {
        FallbackLog.Read log = FallbackLog.parse(List.of(
                "{\"timestamp\":\"2026-11-21T08:00:00Z\",\"event\":\"wheel_fallback_successful\",\"fallback_python\":\"3.11.7\"}",
                "{\"timestamp\":\"2026-11-22T10:16:00Z\",\"event\":\"primary_restored\",\"primary_python\":\"3.12.1\"}"),
                ".smvm/wheel-fallback.log");
        JsonNode steps = VendorReport.build(inputs(degraded().json(), log)).json().get("troubleshooting_steps");

        assertEquals(List.of("Ran smvm:fallback", "Looked for the primary Python interpreter",
                "Looked for the fallback Python interpreter", "Read the package indexes",
                "Checked every requirement and its dependencies in each environment as pip install --only-binary=:all: "
                        + "would choose", "Applied the health policy (threshold 0.9)", "Ran smvm:fallback",
                "Gathered this machine's facts for this report"), texts(steps, "action"));
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8"), texts(steps, "step"));
        assertEquals("found Python 3.12.1 (cpython) at /opt/python/3.12.1/bin/python3; wheel tags cp312 "
                + "manylinux_2_36_x86_64; pip 24.0", steps.get(1).get("result").asText());
        assertEquals("primary: 1 of 2 install from wheels; fallback: 2 of 2 install from wheels",
                steps.get(4).get("result").asText());
        assertEquals("went back to the primary interpreter, Python 3.12.1", steps.get(6).get("result").asText());
        assertEquals("Linux x86_64, glibc 2.36, 2 Python interpreters found, C compilers: gcc",
                steps.get(7).get("result").asText());
    }

    @Test
    void withoutAFallbackLogTheStepsSayNoFallbackWasTried() {
        JsonNode steps = VendorReport.build(inputs(degraded().json(), noLog())).json().get("troubleshooting_steps");
        assertEquals("none: .smvm/wheel-fallback.log does not exist, so no fallback environment was built",
                steps.get(5).get("result").asText());
    }

    @Test
    void aHealthyAssessmentIsLowAndNotDegraded() {
        ObjectNode health = new HealthFixture("primary_healthy", null, "primary")
                .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", true)
                .pkg("tinyjson>=1.0", "tinyjson", "wheel", "tinyjson-1.1.0-py3-none-any.whl", null)
                .interpreter("fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", true)
                .pkg("tinyjson>=1.0", "tinyjson", "older_wheel", "tinyjson-1.0.0-py3-none-any.whl", "only 1.0.0 fits")
                .json();
        VendorReport.Judgement judgement = VendorReport.judge(health, "origin", noLog());

        assertEquals(VendorReport.Severity.LOW, judgement.severity());
        assertFalse(judgement.degraded());
        assertEquals("Every requirement installs from wheels in every assessed environment", judgement.reason());
        JsonNode json = VendorReport.build(inputs(health, noLog())).json();
        assertEquals("Every requirement installs from wheels", json.get("title").asText());
        assertEquals(0, json.get("requested_support").size());
        assertFalse(json.get("business_impact").get("workaround_available").asBoolean());
    }

    @Test
    void aHealthyPrimaryWithAnUnhealthyTargetIsMedium() {
        ObjectNode health = new HealthFixture("primary_healthy", null, "primary")
                .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", true)
                .pkg("report-kit==0.3.*", "report-kit", "wheel", "report_kit-0.3.0-cp38-abi3-manylinux_2_17_x86_64.whl", null)
                .target("cp313-macosx_14_0_arm64", "3.13", "cp313", "macosx_14_0_arm64", false)
                .pkg("report-kit==0.3.*", "report-kit", "no_wheel", null, "report-kit 0.3.0 has no wheel for cp313 macosx_14_0_arm64")
                .newest("0.3.0", List.of("cp38-abi3-manylinux_2_17_x86_64"), null)
                .json();
        VendorReport report = VendorReport.build(inputs(health, noLog()));

        assertEquals(VendorReport.Severity.MEDIUM, report.judgement().severity());
        assertTrue(report.judgement().degraded());
        assertEquals("The primary interpreter is healthy at threshold 0.9, but 1 package lacks wheels on: "
                + "cp313-macosx_14_0_arm64", report.judgement().reason());
        assertEquals("Publish cp313 wheels for macosx_14_0_arm64 for report-kit 0.3.x",
                report.json().get("requested_support").get(0).get("request").asText());
        assertEquals("1 of 1 requirements has no cp313 wheel for macosx_14_0_arm64 (target cp313-macosx_14_0_arm64): "
                + "report-kit (no_wheel)", report.json().get("issue_details").get("symptoms").get(0).asText());
    }

    @Test
    void aMissingPrimaryInterpreterIsHighWithARequestForIt() {
        ObjectNode health = new HealthFixture("fallback_available", "primary_unavailable", "fallback")
                .unavailable("primary", "no Python interpreter matches 3.12\nlooked in: PATH, pyenv")
                .interpreter("fallback", "3.11.7", "cp311", "manylinux_2_36_x86_64", true)
                .pkg("tinyjson>=1.0", "tinyjson", "wheel", "tinyjson-1.1.0-py3-none-any.whl", null)
                .json();
        VendorReport report = VendorReport.build(inputs(health, noLog()));
        JsonNode json = report.json();

        assertEquals(VendorReport.Severity.HIGH, report.judgement().severity());
        assertEquals("Only the fallback interpreter (Python 3.11.7) installs every requirement from wheels; the primary "
                + "interpreter was not found", report.judgement().reason());
        assertEquals("A Python interpreter is unavailable", json.get("title").asText());
        assertEquals("The primary interpreter is unavailable: no Python interpreter matches 3.12",
                json.get("issue_details").get("symptoms").get(0).asText());
        JsonNode request = json.get("requested_support").get(0);
        assertEquals("provide_interpreter", request.get("kind").asText());
        assertTrue(request.get("package").isNull());
        assertEquals("Install the primary Python interpreter on the build machines", request.get("request").asText());
        assertEquals("no Python interpreter matches 3.12", request.get("details").asText());
        assertEquals("not found: no Python interpreter matches 3.12",
                json.get("troubleshooting_steps").get(0).get("result").asText());
    }

    @Test
    void anUnknownStatusOrSchemaIsRejectedSayingWhatIsExpected() {
        ObjectNode unknown = new HealthFixture("mostly_fine", null, null).json();
        assertEquals("unknown wheel_status 'mostly_fine': expected primary_healthy, fallback_available, complete_failure "
                + "or assessment_failed", assertThrows(InvalidAssessmentException.class,
                        () -> VendorReport.judge(unknown, "target/smvm/wheel-health.json", noLog())).getMessage());
        ObjectNode newer = new HealthFixture("primary_healthy", null, "primary").json().put("schema_version", 2);
        assertEquals("target/smvm/wheel-health.json has schema_version 2, this plugin reads 1: run mvn smvm:assess "
                + "with this plugin version", assertThrows(InvalidAssessmentException.class,
                        () -> VendorReport.judge(newer, "target/smvm/wheel-health.json", noLog())).getMessage());
        ObjectNode other = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("name", "x");
        assertEquals("f.json has no schema_version: it is not a wheel-health report", assertThrows(
                InvalidAssessmentException.class, () -> VendorReport.judge(other, "f.json", noLog())).getMessage());
    }

    @Test
    void anOlderReportWithoutTheNewKeysStillGivesTheInterpreterTagAndUnknownFacts() {
        ObjectNode health = degraded().json();
        for (JsonNode env : health.get("environments")) {
            ((ObjectNode) env).remove(List.of("interpreter_tag", "pip_version", "unavailable_reason", "indexes"));
            for (JsonNode p : env.get("packages")) {
                ((ObjectNode) p).remove(List.of("newest_version", "newest_version_wheels", "compatible_version",
                        "project_urls"));
            }
        }
        JsonNode json = VendorReport.build(inputs(health, noLog())).json();
        assertEquals("Publish cp312 wheels for manylinux_2_36_x86_64 for fastcalc",
                json.get("requested_support").get(0).get("request").asText());
        assertEquals(0, json.get("environment").get("indexes").size());
        assertEquals("no index list recorded in the assessment", json.get("troubleshooting_steps").get(2).get("result").asText());
    }

    @Test
    void requestedPlatformPrefersTheProjectsOldestBaselineThisMachineAccepts() {
        assertEquals("manylinux_2_17_x86_64", VendorReport.requestedPlatform("manylinux_2_36_x86_64",
                List.of("cp311-cp311-manylinux2014_x86_64", "cp311-cp311-manylinux_2_28_x86_64")).text());
        // the same architecture first, then any architecture's baseline
        assertEquals("manylinux_2_28_x86_64", VendorReport.requestedPlatform("manylinux_2_36_x86_64",
                List.of("cp311-cp311-manylinux_2_28_x86_64", "cp311-cp311-manylinux_2_17_aarch64")).text());
        assertEquals("manylinux_2_17_x86_64", VendorReport.requestedPlatform("manylinux_2_36_x86_64",
                List.of("cp311-cp311-manylinux_2_17_aarch64.manylinux2014_aarch64")).text());
        // a baseline newer than this machine's glibc does not help it
        assertEquals("manylinux_2_31_x86_64", VendorReport.requestedPlatform("manylinux_2_31_x86_64",
                List.of("cp311-cp311-manylinux_2_34_x86_64")).text());
        assertEquals("musllinux_1_1_aarch64", VendorReport.requestedPlatform("musllinux_1_2_aarch64",
                List.of("cp312-cp312-musllinux_1_1_aarch64", "cp312-cp312-manylinux_2_17_aarch64")).text());
        assertEquals("manylinux_2_5_i686", VendorReport.requestedPlatform("manylinux_2_36_i686",
                List.of("cp311-cp311-manylinux1_i686")).text());
        assertEquals("win_amd64", VendorReport.requestedPlatform("win_amd64", List.of("cp311-cp311-win_amd64")).text());
        assertEquals("macosx_14_0_arm64", VendorReport.requestedPlatform("macosx_14_0_arm64", List.of()).text());
    }

    @Test
    void seriesKeepsMajorAndMinor() {
        assertEquals("2.2.x", VendorReport.series("2.2.3"));
        assertEquals("1.0.x", VendorReport.series("1.0"));
        assertEquals("2024.1.x", VendorReport.series("2024.1.15"));
        assertEquals("7", VendorReport.series("7"));
        assertEquals("not-a-version", VendorReport.series("not-a-version"));
    }

    @Test
    void longPipOutputKeepsItsEnd() {
        String pip = "x".repeat(5000) + "\nERROR: the cause";
        FallbackLog.Read log = FallbackLog.parse(List.of("{\"event\":\"wheel_fallback_failed\",\"error\":" + quote(pip) + "}"),
                "log");
        String message = VendorReport.build(inputs(degraded().json(), log)).json().get("issue_details")
                .get("error_messages").get(0).get("message").asText();
        assertTrue(message.startsWith("[... 1017 characters left out]\n"), message.substring(0, 40));
        assertTrue(message.endsWith("\nERROR: the cause"));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String quote(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
