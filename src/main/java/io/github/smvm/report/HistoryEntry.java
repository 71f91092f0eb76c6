package io.github.smvm.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.smvm.json.JsonTrees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run in {@code .smvm/wheel-health-history.jsonl}: the outcome and, per environment, the ratio and
 * the counts. Taken from a {@code wheel-health.json} tree by {@link #of(JsonNode)}.
 *
 * @param timestamp the report's timestamp (ISO-8601)
 * @param status the {@code wheel_status}
 * @param selected {@code primary}, {@code fallback} or {@code null}
 * @param selectedVersion the selected interpreter's Python version, or {@code null}
 * @param fallback whether the build went on with the fallback interpreter
 */
public record HistoryEntry(String timestamp, String status, String selected, String selectedVersion, boolean fallback,
        List<EnvironmentPoint> environments) {

    /**
     * One environment in one run.
     *
     * @param ratio the policy's ratio, or {@code null} when the environment was not assessed
     * @param packages top-level requirements reported
     * @param available of those, installable from wheels
     * @param failed neither available nor skipped
     * @param skipped skipped by markers
     */
    public record EnvironmentPoint(String id, Double ratio, int packages, int available, int failed, int skipped,
            boolean healthy) {
    }

    public HistoryEntry {
        environments = List.copyOf(environments);
    }

    /** The entry for the run a {@code wheel-health.json} tree describes. */
    public static HistoryEntry of(JsonNode report) {
        return of(HealthView.of(report));
    }

    static HistoryEntry of(HealthView view) {
        List<EnvironmentPoint> points = new ArrayList<>();
        for (HealthView.Env env : view.environments()) {
            points.add(new EnvironmentPoint(env.id(), env.assessed() ? env.ratio() : null, env.packages(),
                    env.availableCount(), env.problemCount(), env.skippedCount(), env.healthy()));
        }
        HealthView.Env selected = view.selectedEnvironment();
        return new HistoryEntry(view.timestamp(), view.status(), view.selected(),
                selected == null ? null : selected.pythonVersion(), "fallback".equals(view.selected()), points);
    }

    /** The line's JSON object. */
    public ObjectNode toJson() {
        ObjectNode node = JsonTrees.object();
        node.put("timestamp", timestamp);
        node.put("status", status);
        node.put("selected_python", selected);
        node.put("selected_version", selectedVersion);
        node.put("fallback", fallback);
        ArrayNode array = node.putArray("environments");
        for (EnvironmentPoint point : environments) {
            ObjectNode env = array.addObject();
            env.put("id", point.id());
            if (point.ratio() == null) {
                env.putNull("ratio");
            } else {
                env.put("ratio", point.ratio());
            }
            env.put("packages", point.packages());
            env.put("available", point.available());
            env.put("failed", point.failed());
            env.put("skipped", point.skipped());
            env.put("healthy", point.healthy());
        }
        return node;
    }

    /** Reads a line's object; empty when it lacks the timestamp or the status. Unknown fields are ignored. */
    public static Optional<HistoryEntry> fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        String timestamp = HealthView.text(node, "timestamp");
        String status = HealthView.text(node, "status");
        if (timestamp == null || status == null) {
            return Optional.empty();
        }
        List<EnvironmentPoint> points = new ArrayList<>();
        JsonNode environments = node.get("environments");
        if (environments != null && environments.isArray()) {
            for (JsonNode env : environments) {
                String id = HealthView.text(env, "id");
                if (id == null) {
                    continue;
                }
                JsonNode ratio = env.get("ratio");
                points.add(new EnvironmentPoint(id, ratio != null && ratio.isNumber() ? ratio.asDouble() : null,
                        env.path("packages").asInt(0), env.path("available").asInt(0), env.path("failed").asInt(0),
                        env.path("skipped").asInt(0), env.path("healthy").asBoolean(false)));
            }
        }
        return Optional.of(new HistoryEntry(timestamp, status, HealthView.text(node, "selected_python"),
                HealthView.text(node, "selected_version"), node.path("fallback").asBoolean(false), points));
    }

    /** This entry's point for an environment id, if the run had that environment. */
    public Optional<EnvironmentPoint> environment(String id) {
        return environments.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
