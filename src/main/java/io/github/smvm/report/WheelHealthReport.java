package io.github.smvm.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.assess.AssessedEnvironment;
import io.github.smvm.assess.AssessmentOutcome;
import io.github.smvm.assess.EnvironmentResult;
import io.github.smvm.assess.IndexSource;
import io.github.smvm.assess.PackageResult;
import io.github.smvm.assess.Role;
import io.github.smvm.json.JsonTrees;
import io.github.smvm.policy.EnvironmentHealth;
import io.github.smvm.policy.Verdict;
import io.github.smvm.selection.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code wheel-health.json}: the assessment's report, read by CI pipelines and by the other goals.
 * The top-level keys are a contract; see the README.
 */
public final class WheelHealthReport {

    /** Raised on an incompatible change of the document's shape. */
    public static final int SCHEMA_VERSION = 1;

    /** The file name inside the output directory. */
    public static final String FILE_NAME = "wheel-health.json";

    private WheelHealthReport() {}

    public static ObjectNode toJson(AssessmentOutcome outcome, double threshold, Instant now) {
        return toJson(outcome, threshold, now, List.of());
    }

    public static ObjectNode toJson(AssessmentOutcome outcome, double threshold, Instant now, List<String> indexes) {
        return toJson(outcome, threshold, now, indexes, List.of());
    }

    /**
     * @param indexes the index and find-links locations the assessment read, already without
     *     credentials or query values; listed in every environment that was assessed
     * @param indexSources the settings that said where to look, with their origins (pom, pip's
     *     configuration, requirements files, default); listed in every environment that was assessed
     */
    public static ObjectNode toJson(AssessmentOutcome outcome, double threshold, Instant now, List<String> indexes,
            List<IndexSource> indexSources) {
        return toJson(outcome, threshold, Set.of(), now, indexes, indexSources);
    }

    /**
     * @param ignored normalised names that the policy leaves out of the ratio ({@code <ignore>}): their
     *     top-level entries carry {@code "ignored": true}, and the root lists them under {@code "ignored"}
     * @param indexes the index and find-links locations the assessment read, already without
     *     credentials or query values; listed in every environment that was assessed
     * @param indexSources the settings that said where to look, with their origins
     */
    public static ObjectNode toJson(AssessmentOutcome outcome, double threshold, Set<String> ignored, Instant now,
            List<String> indexes, List<IndexSource> indexSources) {
        ObjectNode root = JsonTrees.object();
        Verdict verdict = outcome.verdict();
        Optional<EnvironmentResult> primary = outcome.environment(Role.PRIMARY);
        Optional<EnvironmentResult> fallback = outcome.environment(Role.FALLBACK);
        root.put("schema_version", SCHEMA_VERSION);
        root.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("wheel_status", verdict.status().id());
        root.put("primary_python", pythonOf(primary));
        root.put("fallback_python", pythonOf(fallback));
        root.put("selected_python", verdict.selected() == null ? null : verdict.selected().id());
        root.put("threshold", threshold);
        ArrayNode ignoredNames = root.putArray("ignored");
        new TreeSet<>(ignored).forEach(ignoredNames::add);
        EnvironmentHealth primaryHealth = primary.map(p -> outcome.health().get(p.environment().id())).orElse(null);
        root.put("packages_checked", primaryHealth == null ? 0 : primaryHealth.checked());
        root.put("packages_available", primaryHealth == null ? 0 : primaryHealth.available());
        root.put("packages_failed", primaryHealth == null ? 0 : primaryHealth.checked() - primaryHealth.available());
        root.put("fallback_required", verdict.fallbackRequired());
        root.put("fallback_reason", verdict.fallbackReason() == null ? null : verdict.fallbackReason().id());
        ArrayNode recommendations = root.putArray("recommendations");
        outcome.recommendations().forEach(recommendations::add);
        Set<String> missing = new HashSet<>();
        for (EnvironmentResult result : outcome.environments()) {
            lackingWheels(result.packages(), missing);
        }
        ArrayNode environments = root.putArray("environments");
        for (EnvironmentResult result : outcome.environments()) {
            AssessedEnvironment env = result.environment();
            EnvironmentHealth health = outcome.health().get(env.id());
            ObjectNode node = environments.addObject();
            node.put("id", env.id());
            node.put("role", env.role().id());
            node.put("python_version", env.pythonVersion());
            node.put("implementation", env.implementation());
            node.put("executable", env.executable());
            node.put("platform", env.platform());
            node.put("interpreter_tag", env.interpreterTag());
            node.put("pip_version", env.pipVersion());
            node.put("unavailable_reason", env.unavailableReason());
            ArrayNode read = node.putArray("indexes");
            if (env.available()) {
                indexes.forEach(read::add);
            }
            ArrayNode settings = node.putArray("index_sources");
            if (env.available()) {
                for (IndexSource source : indexSources) {
                    ObjectNode s = settings.addObject();
                    s.put("setting", source.setting());
                    s.put("value", source.value());
                    s.put("origin", source.origin());
                }
            }
            if (health == null) {
                node.putNull("ratio");
            } else {
                node.put("ratio", health.ratio());
            }
            node.put("healthy", health != null && health.healthy());
            packages(node.putArray("packages"), result.packages(), false, ignored, missing);
        }
        return root;
    }

    /** A report for an assessment that could not run: the status and the reason, nothing else known. */
    public static ObjectNode failed(String reason, double threshold, Instant now) {
        ObjectNode root = JsonTrees.object();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("wheel_status", Verdict.WheelStatus.ASSESSMENT_FAILED.id());
        root.putNull("primary_python");
        root.putNull("fallback_python");
        root.putNull("selected_python");
        root.put("threshold", threshold);
        root.putArray("ignored");
        root.put("packages_checked", 0);
        root.put("packages_available", 0);
        root.put("packages_failed", 0);
        root.put("fallback_required", false);
        root.putNull("fallback_reason");
        root.putArray("recommendations").add(reason);
        root.putArray("environments");
        return root;
    }

    public static void write(Path file, ObjectNode document) throws IOException {
        JsonFiles.writeAtomically(file, document);
    }

    /** Adds the names of the packages and dependencies that are not {@code wheel} (they lack one). */
    private static void lackingWheels(List<PackageResult> packages, Set<String> names) {
        for (PackageResult p : packages) {
            if (p.status() != Status.WHEEL) {
                names.add(p.name());
            }
            lackingWheels(p.dependencies(), names);
        }
    }

    /**
     * @param missing the projects that lack a wheel somewhere (any environment, any depth): only their
     *     entries list {@code newest_version_wheels}
     */
    private static void packages(ArrayNode array, List<PackageResult> packages, boolean dependency,
            Set<String> ignored, Set<String> missing) {
        for (PackageResult p : packages) {
            ObjectNode node = array.addObject();
            node.put("requirement", p.requirement());
            node.put("name", p.name());
            node.put("status", p.status().id());
            if (!dependency) {
                node.put("ignored", ignored.contains(p.name()));
            }
            node.put("version", p.version());
            node.put("wheel", p.wheel());
            node.put("reason", p.reason());
            node.put("suggestion", p.suggestion());
            node.put("newest_version", p.newestVersion());
            // what the newest version's wheels are built for explains a miss (vendor-report takes it from any
            // environment's entry of the project); for a project with its wheel everywhere it is left out: it was
            // 6 of the file's 15 MB for 50 requirements and their 200 projects in six environments
            if (missing.contains(p.name())) {
                ArrayNode wheels = node.putArray("newest_version_wheels");
                p.newestVersionWheels().forEach(wheels::add);
            }
            node.put("compatible_version", p.compatibleVersion());
            ObjectNode urls = node.putObject("project_urls");
            new TreeMap<>(p.projectUrls()).forEach(urls::put);
            ArrayNode indexWarnings = node.putArray("index_warnings");
            p.indexWarnings().forEach(indexWarnings::add);
            if (dependency) {
                ArrayNode via = node.putArray("via");
                p.via().forEach(via::add);
            } else {
                packages(node.putArray("dependencies"), p.dependencies(), true, ignored, missing);
            }
        }
    }

    private static String pythonOf(Optional<EnvironmentResult> result) {
        return result.map(EnvironmentResult::environment)
                .filter(AssessedEnvironment::available)
                .map(AssessedEnvironment::pythonVersion)
                .orElse("unavailable");
    }
}
