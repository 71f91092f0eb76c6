package io.github.smvm.vendor;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parts of {@code wheel-health.json} the vendor report uses, read tolerantly: keys added in later
 * versions of the same schema may be missing (then the fact is unknown), unknown keys are ignored.
 */
record Assessment(String timestamp, String wheelStatus, String fallbackReason, String selected, Double threshold,
        List<String> recommendations, List<Environment> environments) {

    /** The schema version this reader understands. */
    static final int SCHEMA_VERSION = 1;

    static final Set<String> AVAILABLE = Set.of("wheel", "older_wheel");

    record Environment(String id, String role, String pythonVersion, String implementation, String interpreterTag,
            String platform, String executable, String pipVersion, String unavailableReason, List<String> indexes,
            Double ratio, boolean healthy, List<Package> packages) {

        boolean available() {
            return unavailableReason == null && (pythonVersion != null || platform != null);
        }

        /** {@code cp312 manylinux_2_36_x86_64}. */
        String tags() {
            return (interpreterTag == null ? "" : interpreterTag + " ") + (platform == null ? "" : platform);
        }

        /** {@code primary interpreter, Python 3.12.1} or {@code target cp312-manylinux_2_28_x86_64}. */
        String describe() {
            return switch (role) {
                case "primary", "fallback" -> role + " interpreter, Python " + (pythonVersion == null ? "?" : pythonVersion);
                default -> "target " + id;
            };
        }
    }

    record Package(String requirement, String name, String status, String version, String wheel, String reason,
            String suggestion, String newestVersion, List<String> newestVersionWheels, String compatibleVersion,
            Map<String, String> projectUrls, List<String> via, List<Package> dependencies) {

        boolean available() {
            return AVAILABLE.contains(status);
        }

        boolean skipped() {
            return "skipped".equals(status);
        }

        boolean failing() {
            return !available() && !skipped();
        }
    }

    static Assessment parse(JsonNode root, String origin) {
        if (root == null || !root.isObject()) {
            throw new InvalidAssessmentException(origin + " is not a JSON object");
        }
        JsonNode version = root.get("schema_version");
        if (version == null || !version.canConvertToInt()) {
            throw new InvalidAssessmentException(origin + " has no schema_version: it is not a wheel-health report");
        }
        if (version.asInt() != SCHEMA_VERSION) {
            throw new InvalidAssessmentException(origin + " has schema_version " + version.asText()
                    + ", this plugin reads " + SCHEMA_VERSION + ": run mvn smvm:assess with this plugin version");
        }
        String status = text(root, "wheel_status");
        if (status == null) {
            throw new InvalidAssessmentException(origin + " has no wheel_status: it is not a wheel-health report");
        }
        List<Environment> environments = new ArrayList<>();
        for (JsonNode env : array(root, "environments")) {
            List<Package> packages = new ArrayList<>();
            for (JsonNode p : array(env, "packages")) {
                packages.add(pkg(p));
            }
            JsonNode ratio = env.get("ratio");
            environments.add(new Environment(text(env, "id"), textOr(env, "role", "target"), text(env, "python_version"),
                    text(env, "implementation"), interpreterTag(env), text(env, "platform"), text(env, "executable"),
                    text(env, "pip_version"), text(env, "unavailable_reason"), strings(env, "indexes"),
                    ratio != null && ratio.isNumber() ? ratio.asDouble() : null, env.path("healthy").asBoolean(false),
                    packages));
        }
        JsonNode threshold = root.get("threshold");
        return new Assessment(text(root, "timestamp"), status, text(root, "fallback_reason"),
                text(root, "selected_python"), threshold != null && threshold.isNumber() ? threshold.asDouble() : null,
                strings(root, "recommendations"), environments);
    }

    /** The indexes read, in order, without repeats. */
    List<String> indexes() {
        List<String> result = new ArrayList<>();
        for (Environment env : environments) {
            for (String index : env.indexes()) {
                if (!result.contains(index)) {
                    result.add(index);
                }
            }
        }
        return result;
    }

    java.util.Optional<Environment> role(String role) {
        return environments.stream().filter(e -> role.equals(e.role())).findFirst();
    }

    private static Package pkg(JsonNode p) {
        List<Package> dependencies = new ArrayList<>();
        for (JsonNode d : array(p, "dependencies")) {
            dependencies.add(pkg(d));
        }
        Map<String, String> urls = new LinkedHashMap<>();
        JsonNode projectUrls = p.get("project_urls");
        if (projectUrls != null && projectUrls.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = projectUrls.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isTextual()) {
                    urls.put(field.getKey(), field.getValue().asText());
                }
            }
        }
        String name = text(p, "name");
        return new Package(textOr(p, "requirement", name), name, textOr(p, "status", "error"), text(p, "version"),
                text(p, "wheel"), text(p, "reason"), text(p, "suggestion"), text(p, "newest_version"),
                strings(p, "newest_version_wheels"), text(p, "compatible_version"), urls, strings(p, "via"),
                dependencies);
    }

    /** The interpreter tag as written, else derived from implementation and version (older reports). */
    private static String interpreterTag(JsonNode env) {
        String tag = text(env, "interpreter_tag");
        if (tag != null) {
            return tag;
        }
        String version = text(env, "python_version");
        String implementation = text(env, "implementation");
        if (version == null || implementation == null) {
            return null;
        }
        String[] parts = version.split("\\.");
        if (parts.length < 2) {
            return null;
        }
        String prefix = switch (implementation) {
            case "cpython" -> "cp";
            case "pypy" -> "pp";
            default -> null;
        };
        return prefix == null ? null : prefix + parts[0] + parts[1].replaceAll("\\D.*$", "");
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isArray() ? value : List.of();
    }

    private static List<String> strings(JsonNode node, String field) {
        List<String> result = new ArrayList<>();
        for (JsonNode value : array(node, field)) {
            if (value.isValueNode() && !value.isNull()) {
                result.add(value.asText());
            }
        }
        return result;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String textOr(JsonNode node, String field, String otherwise) {
        String value = text(node, field);
        return value == null ? otherwise : value;
    }
}
