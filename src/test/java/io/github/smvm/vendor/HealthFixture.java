package io.github.smvm.vendor;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A {@code wheel-health.json} document described in test code, with the keys the assess goal writes.
 *
 * <pre>{@code
 * ObjectNode health = new HealthFixture("fallback_available", "missing_wheels_primary", "fallback")
 *     .interpreter("primary", "3.12.1", "cp312", "manylinux_2_36_x86_64", false)
 *         .pkg("fastcalc~=2.0", "fastcalc", "no_wheel", null, "fastcalc 2.1.0 has no wheel ...")
 *     .json();
 * }</pre>
 */
final class HealthFixture {

    static final Instant ASSESSED = Instant.parse("2026-11-22T10:15:00Z");
    static final Instant NOW = Instant.parse("2026-11-22T10:20:00Z");
    static final String INDEX = "https://pypi.example.org/simple/";

    private final ObjectNode root = JsonNodeFactory.instance.objectNode();
    private final ArrayNode environments;
    private ObjectNode environment;
    private ObjectNode last;

    HealthFixture(String status, String fallbackReason, String selected) {
        root.put("schema_version", 1);
        root.put("timestamp", ASSESSED.toString());
        root.put("wheel_status", status);
        root.put("primary_python", "3.12.1");
        root.put("fallback_python", "3.11.7");
        root.put("selected_python", selected);
        root.put("threshold", 0.9);
        root.put("packages_checked", 0);
        root.put("packages_available", 0);
        root.put("packages_failed", 0);
        root.put("fallback_required", !"primary_healthy".equals(status));
        root.put("fallback_reason", fallbackReason);
        root.putArray("recommendations");
        environments = root.putArray("environments");
    }

    HealthFixture recommendation(String text) {
        ((ArrayNode) root.get("recommendations")).add(text);
        return this;
    }

    /** A primary or fallback interpreter (the id is the role). */
    HealthFixture interpreter(String role, String version, String tag, String platform, boolean healthy) {
        environment = environments.addObject();
        environment.put("id", role);
        environment.put("role", role);
        environment.put("python_version", version);
        environment.put("implementation", "cpython");
        environment.put("executable", "/opt/python/" + version + "/bin/python3");
        environment.put("platform", platform);
        environment.put("interpreter_tag", tag);
        environment.put("pip_version", "24.0");
        environment.putNull("unavailable_reason");
        environment.putArray("indexes").add(INDEX);
        environment.put("ratio", healthy ? 1.0 : 0.5);
        environment.put("healthy", healthy);
        environment.putArray("packages");
        return this;
    }

    HealthFixture unavailable(String role, String reason) {
        environment = environments.addObject();
        environment.put("id", role);
        environment.put("role", role);
        environment.putNull("python_version");
        environment.putNull("implementation");
        environment.putNull("executable");
        environment.putNull("platform");
        environment.putNull("interpreter_tag");
        environment.putNull("pip_version");
        environment.put("unavailable_reason", reason);
        environment.putArray("indexes");
        environment.putNull("ratio");
        environment.put("healthy", false);
        environment.putArray("packages");
        return this;
    }

    HealthFixture target(String id, String version, String tag, String platform, boolean healthy) {
        interpreter("target", version, tag, platform, healthy);
        environment.put("id", id);
        environment.putNull("executable");
        environment.putNull("pip_version");
        return this;
    }

    /** A top-level requirement of the current environment. */
    HealthFixture pkg(String requirement, String name, String status, String wheel, String reason) {
        last = ((ArrayNode) environment.get("packages")).addObject();
        fill(last, requirement, name, status, wheel, reason);
        last.putArray("dependencies");
        return this;
    }

    /** A dependency of the last top-level requirement. */
    HealthFixture dependency(String requirement, String name, String status, String wheel, String reason, String... via) {
        ObjectNode node = ((ArrayNode) last.get("dependencies")).addObject();
        fill(node, requirement, name, status, wheel, reason);
        ArrayNode chain = node.putArray("via");
        for (String v : via) {
            chain.add(v);
        }
        return this;
    }

    /** Wheel facts of the last top-level requirement (or of its last dependency with {@code dependency}). */
    HealthFixture newest(String version, List<String> wheels, String compatible) {
        ObjectNode node = target();
        node.put("newest_version", version);
        ArrayNode array = node.putArray("newest_version_wheels");
        wheels.forEach(array::add);
        node.put("compatible_version", compatible);
        return this;
    }

    HealthFixture urls(Map<String, String> urls) {
        ObjectNode node = target().putObject("project_urls");
        urls.forEach(node::put);
        return this;
    }

    ObjectNode json() {
        return root.deepCopy();
    }

    private ObjectNode target() {
        ArrayNode dependencies = (ArrayNode) last.get("dependencies");
        return dependencies.isEmpty() ? last : (ObjectNode) dependencies.get(dependencies.size() - 1);
    }

    private static void fill(ObjectNode node, String requirement, String name, String status, String wheel,
            String reason) {
        node.put("requirement", requirement);
        node.put("name", name);
        node.put("status", status);
        node.put("version", wheel == null ? null : wheel.split("-")[1]);
        node.put("wheel", wheel);
        node.put("reason", reason);
        node.putNull("suggestion");
        node.putNull("newest_version");
        node.putArray("newest_version_wheels");
        node.putNull("compatible_version");
        node.putObject("project_urls");
    }

    static HostFacts host() {
        return new HostFacts("Linux", "6.1.0-18-amd64", new OsRelease("debian", "12", "Debian GNU/Linux 12 (bookworm)"),
                "x86_64", "amd64", new HostFacts.Libc("glibc", "2.36", "ldd --version"),
                List.of(new HostFacts.BuildTool("gcc", "/usr/bin/gcc", "gcc (Debian 12.2.0-14) 12.2.0", null),
                        new HostFacts.BuildTool("clang", null, null, null),
                        new HostFacts.BuildTool("cl.exe", null, null, null)));
    }

    static HostFacts hostWithoutCompilers() {
        return new HostFacts("Linux", "6.1.0-18-amd64", null, "x86_64", "amd64",
                new HostFacts.Libc("glibc", "2.36", "ldd --version"),
                List.of(new HostFacts.BuildTool("gcc", null, null, null), new HostFacts.BuildTool("clang", null, null, null),
                        new HostFacts.BuildTool("cl.exe", null, null, null)));
    }

    static List<ProbedInterpreter> interpreters() {
        return List.of(
                new ProbedInterpreter("/opt/python/3.12.1/bin/python3", "/opt/python/3.12.1/bin/python3", "path", "3.12.1",
                        "cpython", "manylinux_2_36_x86_64", "24.0", "glibc 2.36", "x86_64", List.of("primary")),
                new ProbedInterpreter("/opt/python/3.11.7/bin/python3", "/opt/python/3.11.7/bin/python3", "path", "3.11.7",
                        "cpython", "manylinux_2_36_x86_64", "24.0", "glibc 2.36", "x86_64", List.of("fallback")));
    }

    static RuntimeFacts runtime() {
        return new RuntimeFacts("17.0.15", "Debian", "3.8.7");
    }

    static FallbackLog.Read noLog() {
        return new FallbackLog.Read(false, List.of(), List.of());
    }

    static VendorReport.Inputs inputs(ObjectNode health, FallbackLog.Read log) {
        return new VendorReport.Inputs(health, "target/smvm/wheel-health.json", log, ".smvm/wheel-fallback.log", host(),
                interpreters(), runtime(), new ImpactSettings("12 analysts", "2 weeks", "platform@example.org"), NOW);
    }
}
