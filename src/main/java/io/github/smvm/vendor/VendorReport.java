package io.github.smvm.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.pep440.Version;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The support report for a package vendor (or a platform team), built only from what was observed:
 * the assessment ({@code wheel-health.json}), the fallback goal's log, the machine's facts and the
 * interpreters found. The JSON document is the source; the Markdown text is rendered from it.
 *
 * <p>Severity is derived from the outcome: {@code CRITICAL} when no interpreter installs every
 * requirement from wheels (complete failure, a failed assessment, or the fallback environment's last
 * build failed), {@code HIGH} when only the fallback does, {@code MEDIUM} when the primary interpreter
 * is healthy but some requirement lacks a wheel somewhere (below the threshold, on the fallback or on
 * a virtual target), {@code LOW} when nothing is missing.
 */
public final class VendorReport {

    public static final String REPORT_TYPE = "wheel_compatibility_issue";
    /** Raised on an incompatible change of the document's shape. */
    public static final int SCHEMA_VERSION = 1;
    public static final String JSON_FILE = "vendor-support-report.json";
    public static final String MARKDOWN_FILE = "vendor-support-report.md";

    /** How many fallback runs the troubleshooting steps show (the most recent ones). */
    static final int FALLBACK_RUNS_SHOWN = 10;
    /** How many failed fallback runs contribute their error text. */
    static final int FALLBACK_ERRORS_SHOWN = 3;
    /** The longest error text kept; pip's last lines (where the cause is) are kept. */
    static final int MAX_ERROR_CHARS = 4000;

    public enum Severity {
        CRITICAL, HIGH, MEDIUM, LOW
    }

    /**
     * Whether there is anything to report, decided before the machine's facts are gathered.
     *
     * @param affectedPackages the names of the packages that do not install from wheels somewhere
     */
    public record Judgement(Severity severity, String reason, boolean workaroundAvailable, String workaround,
            String wheelStatus, List<String> affectedPackages) {

        public Judgement {
            affectedPackages = List.copyOf(affectedPackages);
        }

        /** Whether anything is missing (severity above {@code LOW}). */
        public boolean degraded() {
            return severity != Severity.LOW;
        }
    }

    /**
     * Everything the report is built from.
     *
     * @param wheelHealth the parsed {@code wheel-health.json}
     * @param wheelHealthOrigin how the report names where the assessment came from
     * @param fallbackLog the fallback goal's log as read
     * @param fallbackLogName how the report names the log ({@code .smvm/wheel-fallback.log})
     * @param interpreters the interpreters found on the machine
     */
    public record Inputs(JsonNode wheelHealth, String wheelHealthOrigin, FallbackLog.Read fallbackLog,
            String fallbackLogName, HostFacts host, List<ProbedInterpreter> interpreters, RuntimeFacts runtime,
            ImpactSettings impact, Instant now) {

        public Inputs {
            Objects.requireNonNull(wheelHealth, "wheelHealth");
            Objects.requireNonNull(fallbackLog, "fallbackLog");
            Objects.requireNonNull(host, "host");
            interpreters = List.copyOf(interpreters);
            Objects.requireNonNull(runtime, "runtime");
            impact = impact == null ? ImpactSettings.none() : impact;
            Objects.requireNonNull(now, "now");
        }
    }

    private final Judgement judgement;
    private final ObjectNode json;

    private VendorReport(Judgement judgement, ObjectNode json) {
        this.judgement = judgement;
        this.json = json;
    }

    public Judgement judgement() {
        return judgement;
    }

    /** The JSON document (not yet scrubbed of secrets: write it through a {@link SecretScrubber}). */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /** The Markdown text, rendered from the JSON document. */
    public String markdown() {
        return VendorReportMarkdown.render(json);
    }

    /**
     * The severity and the affected packages, from the assessment and the fallback log only.
     *
     * @throws InvalidAssessmentException when the assessment is not a wheel-health report this plugin reads
     */
    public static Judgement judge(JsonNode wheelHealth, String origin, FallbackLog.Read fallbackLog) {
        Assessment assessment = Assessment.parse(wheelHealth, origin);
        return judge(assessment, affected(assessment), fallbackLog);
    }

    /**
     * Builds the report.
     *
     * @throws InvalidAssessmentException when the assessment is not a wheel-health report this plugin reads
     */
    public static VendorReport build(Inputs inputs) {
        Assessment assessment = Assessment.parse(inputs.wheelHealth(), inputs.wheelHealthOrigin());
        List<Affected> affected = affected(assessment);
        Judgement judgement = judge(assessment, affected, inputs.fallbackLog());
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("report_type", REPORT_TYPE);
        root.put("schema_version", SCHEMA_VERSION);
        root.put("generated_at", inputs.now().truncatedTo(ChronoUnit.SECONDS).toString());
        root.put("title", title(assessment, affected));
        root.set("environment", environment(inputs, assessment));
        ObjectNode details = root.putObject("issue_details");
        details.put("wheel_status", assessment.wheelStatus());
        details.put("fallback_reason", assessment.fallbackReason());
        details.put("assessed_at", assessment.timestamp());
        details.put("assessment_source", inputs.wheelHealthOrigin());
        ArrayNode symptoms = details.putArray("symptoms");
        symptoms(assessment, affected, inputs, judgement).forEach(symptoms::add);
        ArrayNode packages = details.putArray("affected_packages");
        affected.forEach(a -> packages.add(a.toJson()));
        details.set("error_messages", errors(assessment, inputs.fallbackLog()));
        root.set("troubleshooting_steps", steps(assessment, inputs));
        ObjectNode impact = root.putObject("business_impact");
        impact.put("severity", judgement.severity().name());
        impact.put("severity_reason", judgement.reason());
        impact.put("workaround_available", judgement.workaroundAvailable());
        impact.put("workaround", judgement.workaround());
        impact.put("affected_users", inputs.impact().affectedUsers());
        impact.put("estimated_resolution_time", inputs.impact().estimatedResolutionTime());
        impact.put("contact", inputs.impact().contact());
        root.set("requested_support", requests(assessment, affected));
        return new VendorReport(judgement, root);
    }

    // ------------------------------------------------------------------ affected packages

    /** One environment in which a package does not install from a wheel. */
    private record Failure(Assessment.Environment environment, Assessment.Package pkg) {
    }

    /** One environment in which it does. */
    private record Working(Assessment.Environment environment, Assessment.Package pkg) {
    }

    /** A package that does not install from a wheel in some environment, with everything known about it. */
    private static final class Affected {
        final String name;
        final Set<String> requiredBy = new LinkedHashSet<>();
        final List<Failure> failures = new ArrayList<>();
        final List<Working> working = new ArrayList<>();
        final List<Assessment.Package> seen = new ArrayList<>();

        Affected(String name) {
            this.name = name;
        }

        String requirement() {
            return failures.stream().map(x -> x.pkg().requirement()).filter(Objects::nonNull).findFirst().orElse(name);
        }

        /** The newest allowed version any environment saw, with its wheels. */
        Optional<Assessment.Package> newest() {
            Assessment.Package best = null;
            Version bestVersion = null;
            for (Assessment.Package p : seen) {
                Optional<Version> v = p.newestVersion() == null ? Optional.empty() : Version.tryParse(p.newestVersion());
                if (v.isPresent() && (bestVersion == null || v.get().compareTo(bestVersion) > 0)) {
                    best = p;
                    bestVersion = v.get();
                }
            }
            return Optional.ofNullable(best);
        }

        Map<String, String> projectUrls() {
            Map<String, String> urls = new TreeMap<>();
            for (Assessment.Package p : seen) {
                p.projectUrls().forEach(urls::putIfAbsent);
            }
            return urls;
        }

        ObjectNode toJson() {
            ObjectNode node = JsonNodeFactory.instance.objectNode();
            node.put("name", name);
            node.put("requirement", requirement());
            ArrayNode by = node.putArray("required_by");
            requiredBy.forEach(by::add);
            ArrayNode environments = node.putArray("environments");
            for (Failure failure : failures) {
                Assessment.Environment env = failure.environment();
                Assessment.Package p = failure.pkg();
                ObjectNode e = environments.addObject();
                e.put("environment", env.id());
                e.put("role", env.role());
                e.put("python_version", env.pythonVersion());
                e.put("interpreter_tag", env.interpreterTag());
                e.put("platform", env.platform());
                e.put("requirement", p.requirement());
                e.put("status", p.status());
                e.put("reason", p.reason());
                e.put("suggestion", p.suggestion());
                e.put("newest_compatible_version", p.compatibleVersion());
            }
            ArrayNode works = node.putArray("working_environments");
            for (Working w : working) {
                ObjectNode e = works.addObject();
                e.put("environment", w.environment().id());
                e.put("python_version", w.environment().pythonVersion());
                e.put("platform", w.environment().platform());
                e.put("version", w.pkg().version());
                e.put("wheel", w.pkg().wheel());
            }
            Optional<Assessment.Package> newest = newest();
            node.put("newest_version", newest.map(Assessment.Package::newestVersion).orElse(null));
            ArrayNode wheels = node.putArray("newest_version_wheels");
            newest.ifPresent(p -> p.newestVersionWheels().forEach(wheels::add));
            ObjectNode urls = node.putObject("project_urls");
            projectUrls().forEach(urls::put);
            return node;
        }
    }

    /**
     * The packages that do not install from wheels, in the order the requirements name them. A
     * top-level requirement that fails only because of a dependency is not itself affected: the
     * dependency is, with the requirement in {@code required_by}.
     */
    private static List<Affected> affected(Assessment assessment) {
        Map<String, Affected> byName = new LinkedHashMap<>();
        Map<String, List<Working>> working = new LinkedHashMap<>();
        Map<String, List<Assessment.Package>> seen = new LinkedHashMap<>();
        for (Assessment.Environment env : assessment.environments()) {
            if (!env.available()) {
                continue;
            }
            for (Assessment.Package top : env.packages()) {
                if (top.skipped()) {
                    continue;
                }
                boolean becauseOfDependency = top.failing() && top.wheel() != null
                        && top.dependencies().stream().anyMatch(Assessment.Package::failing);
                seen.computeIfAbsent(top.name(), k -> new ArrayList<>()).add(top);
                if (top.failing() && !becauseOfDependency) {
                    byName.computeIfAbsent(top.name(), Affected::new).failures.add(new Failure(env, top));
                } else if (top.available()) {
                    working.computeIfAbsent(top.name(), k -> new ArrayList<>()).add(new Working(env, top));
                }
                for (Assessment.Package dependency : top.dependencies()) {
                    seen.computeIfAbsent(dependency.name(), k -> new ArrayList<>()).add(dependency);
                    if (dependency.failing()) {
                        Affected a = byName.computeIfAbsent(dependency.name(), Affected::new);
                        a.requiredBy.add(top.name());
                        if (a.failures.stream().noneMatch(x -> x.environment() == env)) {
                            a.failures.add(new Failure(env, dependency));
                        }
                    } else if (dependency.available()) {
                        working.computeIfAbsent(dependency.name(), k -> new ArrayList<>()).add(new Working(env, dependency));
                    }
                }
            }
        }
        for (Affected a : byName.values()) {
            for (Working w : working.getOrDefault(a.name, List.of())) {
                if (a.working.stream().noneMatch(x -> x.environment() == w.environment())
                        && a.failures.stream().noneMatch(x -> x.environment() == w.environment())) {
                    a.working.add(w);
                }
            }
            a.seen.addAll(seen.getOrDefault(a.name, List.of()));
        }
        return new ArrayList<>(byName.values());
    }

    // ------------------------------------------------------------------ judgement

    private static Judgement judge(Assessment assessment, List<Affected> affected, FallbackLog.Read log) {
        List<String> names = affected.stream().map(a -> a.name).toList();
        String status = assessment.wheelStatus();
        Optional<Assessment.Environment> primary = assessment.role("primary");
        Optional<Assessment.Environment> fallback = assessment.role("fallback");
        String fallbackPython = fallback.map(Assessment.Environment::pythonVersion).orElse("?");
        Optional<FallbackLog.Entry> attempt = log.lastAttempt();
        switch (status) {
            case "complete_failure":
                return new Judgement(Severity.CRITICAL, "Neither the primary nor the fallback interpreter installs every "
                        + "requirement from wheels: the build cannot go on", false, null, status, names);
            case "assessment_failed":
                return new Judgement(Severity.CRITICAL, "The assessment could not run"
                        + (assessment.recommendations().isEmpty() ? ""
                                : ": " + firstLine(assessment.recommendations().get(0))), false, null, status, names);
            case "fallback_available": {
                String primaryProblem = primary.filter(Assessment.Environment::available)
                        .map(p -> "the primary interpreter (Python " + p.pythonVersion() + ") lacks wheels")
                        .orElse("the primary interpreter was not found");
                if (attempt.isPresent() && attempt.get().failed()) {
                    return new Judgement(Severity.CRITICAL, "Only the fallback interpreter (Python " + fallbackPython
                            + ") installs every requirement from wheels, and building its environment failed"
                            + at(attempt.get().timestamp()) + "; " + primaryProblem, false, null, status, names);
                }
                String inUse = attempt.isPresent() ? "; the fallback environment was built" + at(attempt.get().timestamp())
                        : "";
                return new Judgement(Severity.HIGH, "Only the fallback interpreter (Python " + fallbackPython
                        + ") installs every requirement from wheels; " + primaryProblem, true,
                        "Build on the fallback interpreter, Python " + fallbackPython + " (mvn smvm:fallback)" + inUse,
                        status, names);
            }
            case "primary_healthy": {
                if (!affected.isEmpty()) {
                    Set<String> where = new LinkedHashSet<>();
                    affected.forEach(a -> a.failures.forEach(x -> where.add(x.environment().id())));
                    return new Judgement(Severity.MEDIUM, "The primary interpreter is healthy"
                            + (assessment.threshold() == null ? "" : " at threshold " + assessment.threshold())
                            + ", but " + names.size() + (names.size() == 1 ? " package lacks" : " packages lack")
                            + " wheels on: " + String.join(", ", where), true,
                            "None needed for builds on the primary interpreter; the missing wheels affect "
                                    + String.join(", ", where), status, names);
                }
                return new Judgement(Severity.LOW, "Every requirement installs from wheels in every assessed environment",
                        false, null, status, names);
            }
            default:
                throw new InvalidAssessmentException("unknown wheel_status '" + status + "': expected primary_healthy, "
                        + "fallback_available, complete_failure or assessment_failed");
        }
    }

    // ------------------------------------------------------------------ sections

    private static String title(Assessment assessment, List<Affected> affected) {
        if (!affected.isEmpty()) {
            List<String> names = affected.stream().map(a -> a.name).toList();
            String shown = names.size() <= 3 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 3)) + " and " + (names.size() - 3) + " more";
            Set<String> where = new LinkedHashSet<>();
            affected.forEach(a -> a.failures.forEach(x -> where.add(x.environment().tags().strip())));
            List<String> places = new ArrayList<>(where);
            return "No compatible wheels for " + shown + " on " + places.get(0)
                    + (places.size() > 1 ? " and " + (places.size() - 1) + " other environment"
                            + (places.size() > 2 ? "s" : "") : "");
        }
        return switch (assessment.wheelStatus()) {
            case "assessment_failed" -> "The wheel assessment could not run";
            case "fallback_available", "complete_failure" -> "A Python interpreter is unavailable";
            default -> "Every requirement installs from wheels";
        };
    }

    private static ObjectNode environment(Inputs inputs, Assessment assessment) {
        HostFacts host = inputs.host();
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        ObjectNode os = node.putObject("operating_system");
        os.put("name", host.osName());
        os.put("version", host.osVersion());
        if (host.distribution() == null) {
            os.putNull("distribution");
        } else {
            ObjectNode d = os.putObject("distribution");
            d.put("id", host.distribution().id());
            d.put("version_id", host.distribution().versionId());
            d.put("name", host.distribution().prettyName());
        }
        node.put("architecture", host.architecture());
        node.put("jvm_architecture", host.jvmArchitecture());
        ObjectNode libc = node.putObject("libc");
        libc.put("family", host.libc().family());
        libc.put("version", host.libc().version());
        libc.put("source", host.libc().source());
        ArrayNode interpreters = node.putArray("python_interpreters");
        for (ProbedInterpreter i : inputs.interpreters()) {
            ObjectNode n = interpreters.addObject();
            n.put("version", i.version());
            n.put("implementation", i.implementation());
            n.put("path", i.path());
            n.put("executable", i.executable());
            n.put("source", i.source());
            n.put("platform_tag", i.platformTag());
            n.put("pip_version", i.pipVersion());
            n.put("libc", i.libc());
            n.put("machine", i.machine());
            ArrayNode roles = n.putArray("roles");
            i.roles().forEach(roles::add);
        }
        ArrayNode assessed = node.putArray("assessed_environments");
        for (Assessment.Environment env : assessment.environments()) {
            ObjectNode n = assessed.addObject();
            n.put("id", env.id());
            n.put("role", env.role());
            n.put("available", env.available());
            n.put("python_version", env.pythonVersion());
            n.put("implementation", env.implementation());
            n.put("interpreter_tag", env.interpreterTag());
            n.put("platform", env.platform());
            n.put("pip_version", env.pipVersion());
            n.put("executable", env.executable());
            n.put("healthy", env.healthy());
            if (!env.available()) {
                n.put("unavailable_reason", firstLine(env.unavailableReason()));
            }
        }
        ObjectNode java = node.putObject("java");
        java.put("version", inputs.runtime().javaVersion());
        java.put("vendor", inputs.runtime().javaVendor());
        node.putObject("maven").put("version", inputs.runtime().mavenVersion());
        ArrayNode tools = node.putArray("build_tools");
        for (HostFacts.BuildTool tool : host.buildTools()) {
            ObjectNode n = tools.addObject();
            n.put("name", tool.name());
            n.put("found", tool.found());
            n.put("path", tool.path());
            n.put("version", tool.version());
            if (tool.problem() != null) {
                n.put("problem", tool.problem());
            }
        }
        node.put("source_builds_possible", host.anyCompiler());
        ArrayNode indexes = node.putArray("indexes");
        assessment.indexes().forEach(indexes::add);
        return node;
    }

    private static List<String> symptoms(Assessment assessment, List<Affected> affected, Inputs inputs,
            Judgement judgement) {
        List<String> result = new ArrayList<>();
        for (Assessment.Environment env : assessment.environments()) {
            if (!env.available()) {
                result.add("The " + env.role() + " interpreter is unavailable: " + firstLine(env.unavailableReason()));
                continue;
            }
            List<Assessment.Package> checked = env.packages().stream().filter(p -> !p.skipped()).toList();
            List<String> failing = new ArrayList<>();
            for (Assessment.Package p : checked) {
                if (!p.failing()) {
                    continue;
                }
                List<String> culprits = p.wheel() == null ? List.of()
                        : p.dependencies().stream().filter(Assessment.Package::failing).map(Assessment.Package::name)
                                .distinct().toList();
                failing.add(culprits.isEmpty() ? p.name() + " (" + p.status() + ")"
                        : p.name() + " (dependency " + String.join(", ", culprits) + ")");
            }
            if (!failing.isEmpty()) {
                result.add(failing.size() + " of " + checked.size() + " requirements "
                        + (failing.size() == 1 ? "has" : "have") + " no "
                        + (env.interpreterTag() == null ? "" : env.interpreterTag() + " ") + "wheel for "
                        + (env.platform() == null ? "this environment" : env.platform()) + " (" + env.describe() + "): "
                        + String.join(", ", failing));
            }
        }
        String verdict = "Wheel status " + assessment.wheelStatus()
                + (assessment.fallbackReason() == null ? "" : " (" + assessment.fallbackReason() + ")");
        result.add(verdict + ": " + judgement.reason());
        Optional<FallbackLog.Entry> attempt = inputs.fallbackLog().lastAttempt();
        if (attempt.isPresent() && attempt.get().failed()) {
            String why = attempt.get().error() != null ? lastLine(attempt.get().error()) : attempt.get().reason();
            result.add("Building the fallback environment failed" + at(attempt.get().timestamp())
                    + (why == null ? "" : ": " + why));
        }
        if (!affected.isEmpty() && !inputs.host().anyCompiler()) {
            result.add("No C compiler (" + inputs.host().buildTools().stream().map(HostFacts.BuildTool::name)
                    .collect(Collectors.joining(", ")) + ") is on PATH: a package without a wheel cannot be built "
                    + "from source on this machine");
        }
        return result;
    }

    private static ArrayNode errors(Assessment assessment, FallbackLog.Read log) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        Map<String, Set<String>> indexErrors = new LinkedHashMap<>();
        for (Assessment.Environment env : assessment.environments()) {
            for (Assessment.Package top : env.packages()) {
                List<Assessment.Package> all = new ArrayList<>();
                all.add(top);
                all.addAll(top.dependencies());
                for (Assessment.Package p : all) {
                    boolean own = p == top ? top.wheel() == null || top.dependencies().stream()
                            .noneMatch(Assessment.Package::failing) : true;
                    if ("error".equals(p.status()) && p.reason() != null && own) {
                        indexErrors.computeIfAbsent(p.reason(), k -> new LinkedHashSet<>()).add(env.id());
                    }
                }
            }
        }
        indexErrors.forEach((message, environments) -> {
            ObjectNode n = result.addObject();
            n.put("source", "assessment (" + String.join(", ", environments) + ")");
            n.put("message", message);
        });
        if ("assessment_failed".equals(assessment.wheelStatus())) {
            for (String recommendation : assessment.recommendations()) {
                ObjectNode n = result.addObject();
                n.put("source", "assessment");
                n.put("message", recommendation);
            }
        }
        List<FallbackLog.Entry> failed = log.entries().stream().filter(FallbackLog.Entry::failed).toList();
        for (FallbackLog.Entry entry : failed.subList(Math.max(0, failed.size() - FALLBACK_ERRORS_SHOWN), failed.size())) {
            String message = entry.error() != null ? entry.error() : entry.reason();
            if (message == null) {
                continue;
            }
            ObjectNode n = result.addObject();
            n.put("source", "smvm:fallback" + at(entry.timestamp()) + " (fallback log line " + entry.line() + ")");
            n.put("message", tail(message.strip(), MAX_ERROR_CHARS));
        }
        return result;
    }

    private static ArrayNode steps(Assessment assessment, Inputs inputs) {
        List<ObjectNode> before = new ArrayList<>();
        List<ObjectNode> assessed = new ArrayList<>();
        List<ObjectNode> after = new ArrayList<>();
        String at = assessment.timestamp();
        for (Assessment.Environment env : assessment.environments()) {
            if (env.role().equals("target")) {
                assessed.add(step("Added the virtual target " + env.id(), env.tags().strip()
                        + ": checked by its wheel tags, without an interpreter", at));
            } else if (env.available()) {
                assessed.add(step("Looked for the " + env.role() + " Python interpreter", "found Python "
                        + env.pythonVersion() + " (" + env.implementation() + ")"
                        + (env.executable() == null ? "" : " at " + env.executable()) + "; wheel tags " + env.tags().strip()
                        + "; " + (env.pipVersion() == null ? "pip version not recorded" : "pip " + env.pipVersion()), at));
            } else {
                assessed.add(step("Looked for the " + env.role() + " Python interpreter",
                        "not found: " + firstLine(env.unavailableReason()), at));
            }
        }
        List<String> indexes = assessment.indexes();
        assessed.add(step("Read the package indexes", indexes.isEmpty() ? "no index list recorded in the assessment"
                : String.join(", ", indexes), at));
        List<String> counts = new ArrayList<>();
        for (Assessment.Environment env : assessment.environments()) {
            if (env.available()) {
                long checked = env.packages().stream().filter(p -> !p.skipped()).count();
                long ok = env.packages().stream().filter(Assessment.Package::available).count();
                counts.add(env.id() + ": " + ok + " of " + checked + " install from wheels");
            }
        }
        if (!counts.isEmpty()) {
            assessed.add(step("Checked every requirement and its dependencies in each environment as "
                    + "pip install --only-binary=:all: would choose", String.join("; ", counts), at));
        }
        String selected = assessment.selected() == null ? "no interpreter selected"
                : "selected the " + assessment.selected() + " interpreter";
        assessed.add(step("Applied the health policy"
                + (assessment.threshold() == null ? "" : " (threshold " + assessment.threshold() + ")"),
                "wheel status " + assessment.wheelStatus()
                        + (assessment.fallbackReason() == null ? "" : " (" + assessment.fallbackReason() + ")")
                        + "; " + selected, at));

        FallbackLog.Read log = inputs.fallbackLog();
        Instant assessedAt = instant(at);
        if (!log.present()) {
            after.add(step("Looked for fallback runs", "none: " + inputs.fallbackLogName()
                    + " does not exist, so no fallback environment was built", null));
        } else if (log.entries().isEmpty()) {
            after.add(step("Looked for fallback runs", "none recorded in " + inputs.fallbackLogName(), null));
        } else {
            List<FallbackLog.Entry> entries = log.entries();
            int skipped = Math.max(0, entries.size() - FALLBACK_RUNS_SHOWN);
            if (skipped > 0) {
                before.add(step("Earlier fallback runs", skipped + " earlier entries of " + inputs.fallbackLogName()
                        + " are not shown", null));
            }
            for (FallbackLog.Entry entry : entries.subList(skipped, entries.size())) {
                Instant when = instant(entry.timestamp());
                ObjectNode s = step("Ran smvm:fallback", describe(entry), entry.timestamp());
                (assessedAt != null && when != null && when.isBefore(assessedAt) ? before : after).add(s);
            }
        }
        HostFacts host = inputs.host();
        String compilers = host.buildTools().stream().filter(HostFacts.BuildTool::found).map(HostFacts.BuildTool::name)
                .collect(Collectors.joining(", "));
        after.add(step("Gathered this machine's facts for this report", host.osName() + " " + host.architecture()
                + (host.libc().family() == null ? "" : ", " + host.libc().family()
                        + (host.libc().version() == null ? "" : " " + host.libc().version()))
                + ", " + inputs.interpreters().size() + " Python interpreter" + (inputs.interpreters().size() == 1 ? "" : "s")
                + " found, C compilers: " + (compilers.isEmpty() ? "none" : compilers),
                inputs.now().truncatedTo(ChronoUnit.SECONDS).toString()));

        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        int number = 1;
        for (List<ObjectNode> group : List.of(before, assessed, after)) {
            for (ObjectNode s : group) {
                ObjectNode numbered = result.addObject();
                numbered.put("step", number++);
                numbered.setAll(s);
            }
        }
        return result;
    }

    private static String describe(FallbackLog.Entry e) {
        String took = e.durationMs() == null ? "" : " in " + seconds(e.durationMs());
        String status = e.status() == null ? "" : "; wheel status " + e.status();
        String reason = e.reason() == null ? "" : " (reason: " + e.reason() + ")";
        String packages = e.packages() == null ? "" : " with " + e.packages() + " package" + (e.packages() == 1 ? "" : "s");
        String python = e.pythonVersion() != null ? e.pythonVersion() : null;
        return switch (e.event()) {
            case "wheel_fallback_successful" -> "built the environment on Python "
                    + orUnknown(python != null ? python : e.fallbackPython())
                    + (e.primaryPython() == null ? "" : " instead of Python " + e.primaryPython()) + packages + took
                    + reason + status + (e.backup() == null ? "" : "; the previous environment was kept at " + e.backup());
            case "wheel_fallback_failed" -> "failed to build the environment"
                    + (e.fallbackPython() == null ? "" : " on Python " + e.fallbackPython()) + took + reason + status
                    + (e.error() == null ? "" : ": " + lastLine(e.error()))
                    + (e.backup() == null ? "" : "; the previous environment was restored from " + e.backup());
            case "primary_restored" -> "went back to the primary interpreter"
                    + (python != null ? ", Python " + python : e.primaryPython() == null ? "" : ", Python " + e.primaryPython())
                    + packages + took + reason + status;
            case "environment_built" -> "built the environment on Python "
                    + orUnknown(python != null ? python : e.primaryPython()) + packages + took + status;
            case "environment_up_to_date" -> "the environment was already up to date"
                    + (python == null ? "" : " (Python " + python + ")") + took + status;
            default -> "event " + e.event() + took + reason + status;
        };
    }

    private static String orUnknown(String value) {
        return value == null ? "?" : value;
    }

    private static ArrayNode requests(Assessment assessment, List<Affected> affected) {
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        for (Assessment.Environment env : assessment.environments()) {
            if (!env.available() && !env.role().equals("target")) {
                ObjectNode n = result.addObject();
                n.putNull("package");
                n.put("kind", "provide_interpreter");
                n.put("request", "Install the " + env.role() + " Python interpreter on the build machines");
                n.putArray("environments").add(env.id());
                n.put("details", firstLine(env.unavailableReason()));
            }
        }
        for (Affected a : affected) {
            Map<String, ObjectNode> byText = new LinkedHashMap<>();
            Optional<Assessment.Package> newest = a.newest();
            for (Failure failure : a.failures) {
                Assessment.Environment env = failure.environment();
                Assessment.Package p = failure.pkg();
                String kind;
                String text;
                String details = p.reason();
                switch (p.status()) {
                    case "sdist_only", "no_wheel" -> {
                        kind = "publish_wheels";
                        String version = p.newestVersion() != null ? p.newestVersion()
                                : newest.map(Assessment.Package::newestVersion).orElse(null);
                        List<String> wheels = p.newestVersion() != null ? p.newestVersionWheels()
                                : newest.map(Assessment.Package::newestVersionWheels).orElse(List.of());
                        PlatformRequest platform = requestedPlatform(env.platform(), wheels);
                        text = "Publish " + (env.interpreterTag() == null ? "" : env.interpreterTag() + " ")
                                + "wheels for " + platform.text() + " for " + a.name
                                + (version == null ? "" : " " + series(version));
                        if (platform.note() != null) {
                            details = (details == null ? "" : details + ". ") + platform.note();
                        }
                    }
                    case "no_version" -> {
                        kind = "support_python";
                        text = "Release a version of " + a.name + " that supports Python "
                                + minor(env.pythonVersion()) + " (" + env.tags().strip() + ")";
                    }
                    case "not_found" -> {
                        kind = "publish_package";
                        text = "Make " + a.name + " available on the package index"
                                + (env.indexes().isEmpty() ? "" : " (" + String.join(", ", env.indexes()) + ")");
                    }
                    default -> {
                        kind = "fix_index";
                        text = "Fix the package index so that " + a.name + " can be read";
                    }
                }
                ObjectNode n = byText.get(text);
                if (n == null) {
                    n = JsonNodeFactory.instance.objectNode();
                    n.put("package", a.name);
                    n.put("kind", kind);
                    n.put("request", text);
                    n.putArray("environments");
                    n.put("details", details);
                    byText.put(text, n);
                }
                ((ArrayNode) n.get("environments")).add(env.id());
            }
            byText.values().forEach(result::add);
        }
        return result;
    }

    // ------------------------------------------------------------------ platform requests

    record PlatformRequest(String text, String note) {
    }

    private static final Pattern GLIBC_PLATFORM = Pattern.compile("(manylinux|musllinux)_(\\d+)_(\\d+)_(.+)");
    private static final Map<String, int[]> LEGACY_MANYLINUX = Map.of(
            "manylinux1", new int[] {2, 5}, "manylinux2010", new int[] {2, 12}, "manylinux2014", new int[] {2, 17});

    /**
     * The platform to ask wheels for. On Linux a wheel for an older glibc (or musl) baseline fits this
     * machine too, so when the project already builds for some {@code manylinux_X_Y} baseline this
     * machine accepts, that baseline is asked for (same architecture preferred); otherwise this
     * environment's own most specific platform.
     */
    static PlatformRequest requestedPlatform(String platform, List<String> wheelTagSets) {
        if (platform == null) {
            return new PlatformRequest("this environment", null);
        }
        Matcher host = GLIBC_PLATFORM.matcher(platform);
        if (!host.matches()) {
            return new PlatformRequest(platform, null);
        }
        String family = host.group(1);
        int major = Integer.parseInt(host.group(2));
        int minor = Integer.parseInt(host.group(3));
        String arch = host.group(4);
        int[] sameArch = null;
        int[] anyArch = null;
        for (String tagSet : wheelTagSets) {
            String[] parts = tagSet.split("-");
            if (parts.length != 3) {
                continue;
            }
            for (String p : parts[2].split("\\.")) {
                String wheelArch;
                int[] version;
                Matcher m = GLIBC_PLATFORM.matcher(p);
                if (m.matches() && m.group(1).equals(family)) {
                    version = new int[] {Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
                    wheelArch = m.group(4);
                } else {
                    String[] legacy = p.split("_", 2);
                    if (!family.equals("manylinux") || legacy.length != 2 || !LEGACY_MANYLINUX.containsKey(legacy[0])) {
                        continue;
                    }
                    version = LEGACY_MANYLINUX.get(legacy[0]);
                    wheelArch = legacy[1];
                }
                if (compare(version, new int[] {major, minor}) > 0) {
                    continue;
                }
                if (wheelArch.equals(arch) && (sameArch == null || compare(version, sameArch) < 0)) {
                    sameArch = version;
                }
                if (anyArch == null || compare(version, anyArch) < 0) {
                    anyArch = version;
                }
            }
        }
        int[] baseline = sameArch != null ? sameArch : anyArch;
        String libc = family.equals("manylinux") ? "glibc" : "musl";
        if (baseline == null) {
            return new PlatformRequest(platform, "Any " + family + "_X_Y_" + arch + " wheel with " + libc + " "
                    + major + "." + minor + " or older fits this environment");
        }
        String requested = family + "_" + baseline[0] + "_" + baseline[1] + "_" + arch;
        return new PlatformRequest(requested, requested + " is the oldest " + libc + " baseline among the project's "
                + "wheels that this environment (" + platform + ") accepts");
    }

    private static int compare(int[] a, int[] b) {
        return a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(a[1], b[1]);
    }

    // ------------------------------------------------------------------ text helpers

    /** {@code 2.2.x} for {@code 2.2.3}; the version itself when it has one release segment. */
    static String series(String version) {
        Optional<Version> v = Version.tryParse(version);
        if (v.isEmpty() || v.get().release().size() < 2) {
            return version;
        }
        return v.get().release().get(0) + "." + v.get().release().get(1) + ".x";
    }

    private static String minor(String pythonVersion) {
        if (pythonVersion == null) {
            return "?";
        }
        String[] parts = pythonVersion.split("\\.");
        return parts.length >= 2 ? parts[0] + "." + parts[1] : pythonVersion;
    }

    private static ObjectNode step(String action, String result, String at) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("action", action);
        node.put("result", result);
        node.put("at", at);
        return node;
    }

    private static String at(String timestamp) {
        return timestamp == null ? "" : " at " + timestamp;
    }

    private static Instant instant(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String seconds(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return (newline < 0 ? stripped : stripped.substring(0, newline)).strip();
    }

    /** The last non-blank line: where pip puts its {@code ERROR:} summary. */
    static String lastLine(String text) {
        String[] lines = text.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "";
    }

    private static String tail(String text, int max) {
        return text.length() <= max ? text : "[... " + (text.length() - max) + " characters left out]\n"
                + text.substring(text.length() - max);
    }
}
