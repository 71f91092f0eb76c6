package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code wheel-health.json} tree read into the shape the renderers draw: environments as columns,
 * top-level requirements as rows, and under each row the dependencies that break it somewhere. Built
 * from the document alone, so a report can be re-rendered from the file.
 */
record HealthView(
        String timestamp,
        String status,
        String primaryPython,
        String fallbackPython,
        String selected,
        Double threshold,
        int checked,
        int available,
        int failed,
        String fallbackReason,
        List<String> recommendations,
        List<Env> environments,
        List<Row> rows) {

    /** Statuses under which a requirement installs from a wheel. */
    static final Set<String> AVAILABLE = Set.of("wheel", "older_wheel");

    /** Every status of the contract, in the order legends list them. */
    static final List<String> STATUSES = List.of("wheel", "older_wheel", "sdist_only", "no_wheel", "no_version",
            "not_found", "error", "skipped");

    /**
     * One environment (column).
     *
     * @param assessed false for an interpreter that was not found: it has no packages
     * @param ratio the policy's ratio (ignored packages left out), or {@code null} when not assessed
     * @param unavailableReason why the interpreter was not found, when the report says (newer reports do)
     */
    record Env(String id, String role, String pythonVersion, String implementation, String executable,
            String platform, Double ratio, boolean healthy, boolean assessed, String unavailableReason, int packages,
            int availableCount, int problemCount, int skippedCount) {
    }

    /**
     * One package in one environment, as the report has it.
     *
     * @param ignored a top-level requirement that the policy leaves out ({@code <ignore>})
     */
    record Cell(String requirement, String name, String status, String version, String wheel, String reason,
            String suggestion, List<String> via, boolean ignored) {

        boolean available() {
            return AVAILABLE.contains(status);
        }

        /** Neither available nor skipped by markers nor ignored by the policy. */
        boolean problem() {
            return isProblem(status, ignored);
        }

        /** Not available, and left out by the policy. */
        boolean ignoredProblem() {
            return ignored && !available() && !"skipped".equals(status);
        }
    }

    /** A dependency that is a problem in at least one environment, with its entry in every environment that has it. */
    record Culprit(String name, String requirement, List<String> via, Map<String, Cell> cells) {
    }

    /** A top-level requirement (row): its cell per environment id (absent where not assessed). */
    record Row(String requirement, String name, Map<String, Cell> cells, List<Culprit> culprits) {

        boolean problem(List<Env> environments) {
            for (Env env : environments) {
                Cell cell = cells.get(env.id());
                if (env.assessed() && (cell == null || cell.problem())) {
                    return true;
                }
            }
            return false;
        }
    }

    boolean assessmentFailed() {
        return "assessment_failed".equals(status);
    }

    Env selectedEnvironment() {
        if (selected == null) {
            return null;
        }
        return environments.stream().filter(e -> selected.equals(e.role())).findFirst().orElse(null);
    }

    static HealthView of(JsonNode report) {
        List<Env> environments = new ArrayList<>();
        Map<String, Row> rows = new LinkedHashMap<>();
        Map<String, Map<String, Culprit>> culprits = new LinkedHashMap<>();
        for (JsonNode env : array(report, "environments")) {
            String id = text(env, "id");
            if (id == null) {
                continue;
            }
            int packages = 0;
            int availableCount = 0;
            int problemCount = 0;
            int skippedCount = 0;
            for (JsonNode pkg : array(env, "packages")) {
                Cell cell = cell(pkg);
                packages++;
                if (cell.available()) {
                    availableCount++;
                } else if (cell.problem()) {
                    problemCount++;
                } else {
                    skippedCount++;
                }
                String key = cell.requirement() != null ? cell.requirement() : cell.name();
                Row row = rows.computeIfAbsent(key,
                        k -> new Row(cell.requirement(), cell.name(), new LinkedHashMap<>(), new ArrayList<>()));
                row.cells().putIfAbsent(id, cell);
                Map<String, Culprit> rowCulprits = culprits.computeIfAbsent(key, k -> new LinkedHashMap<>());
                for (JsonNode dependency : array(pkg, "dependencies")) {
                    if (!dependencyProblem(dependency)) {
                        continue; // most are fine: no cell is made for them
                    }
                    Cell dep = cell(dependency);
                    if (dep.name() != null && dep.problem()) {
                        rowCulprits.computeIfAbsent(dep.name(),
                                n -> new Culprit(n, dep.requirement(), dep.via(), new LinkedHashMap<>()));
                    }
                }
            }
            boolean assessed = text(env, "unavailable_reason") == null
                    && (text(env, "python_version") != null || packages > 0);
            environments.add(new Env(id, text(env, "role"), text(env, "python_version"), text(env, "implementation"),
                    text(env, "executable"), text(env, "platform"), number(env, "ratio"),
                    env.path("healthy").asBoolean(false), assessed, text(env, "unavailable_reason"), packages,
                    availableCount, problemCount,
                    skippedCount));
        }
        // Second pass: a culprit's entry in every environment whose closure has it, not only where it fails.
        for (JsonNode env : array(report, "environments")) {
            String id = text(env, "id");
            for (JsonNode pkg : array(env, "packages")) {
                Cell top = cell(pkg);
                Map<String, Culprit> rowCulprits = culprits.get(top.requirement() != null ? top.requirement() : top.name());
                if (rowCulprits == null || rowCulprits.isEmpty()) {
                    continue;
                }
                for (JsonNode dependency : array(pkg, "dependencies")) {
                    Culprit culprit = rowCulprits.get(text(dependency, "name"));
                    if (culprit != null) {
                        culprit.cells().putIfAbsent(id, cell(dependency));
                    }
                }
            }
        }
        List<Row> rowList = new ArrayList<>();
        for (Map.Entry<String, Row> entry : rows.entrySet()) {
            Row row = entry.getValue();
            row.culprits().addAll(culprits.getOrDefault(entry.getKey(), Map.of()).values());
            rowList.add(row);
        }
        List<String> recommendations = new ArrayList<>();
        for (JsonNode recommendation : array(report, "recommendations")) {
            if (recommendation.isTextual()) {
                recommendations.add(recommendation.asText());
            }
        }
        return new HealthView(text(report, "timestamp"), text(report, "wheel_status"), text(report, "primary_python"),
                text(report, "fallback_python"), text(report, "selected_python"), number(report, "threshold"),
                report.path("packages_checked").asInt(0), report.path("packages_available").asInt(0),
                report.path("packages_failed").asInt(0), text(report, "fallback_reason"), recommendations,
                environments, rowList);
    }

    /** {@code cell(dependency).problem()}, without making the cell. */
    private static boolean dependencyProblem(JsonNode dependency) {
        String status = text(dependency, "status");
        return isProblem(status == null ? "error" : status, dependency.path("ignored").asBoolean(false));
    }

    /** A package with this status is a problem: neither available nor skipped by markers nor ignored by the policy. */
    private static boolean isProblem(String status, boolean ignored) {
        return !AVAILABLE.contains(status) && !"skipped".equals(status) && !ignored;
    }

    private static Cell cell(JsonNode pkg) {
        List<String> via = new ArrayList<>();
        for (JsonNode step : array(pkg, "via")) {
            via.add(step.asText());
        }
        String status = text(pkg, "status");
        return new Cell(text(pkg, "requirement"), text(pkg, "name"), status == null ? "error" : status,
                text(pkg, "version"), text(pkg, "wheel"), text(pkg, "reason"), text(pkg, "suggestion"), via,
                pkg.path("ignored").asBoolean(false));
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    /** The text of a field, or {@code null} when it is missing or JSON {@code null}. */
    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() ? value.asDouble() : null;
    }
}
