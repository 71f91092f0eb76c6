package io.github.smvm.pep508;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the PEP 508 marker variables for one target interpreter. A {@code null} component
 * is undefined, and evaluating a marker that uses it fails. {@code extra} is not part of the
 * environment; it is passed to {@link Marker#evaluate(MarkerEnvironment, String)}.
 */
public record MarkerEnvironment(
        String implementationName,
        String implementationVersion,
        String osName,
        String platformMachine,
        String platformRelease,
        String platformSystem,
        String platformVersion,
        String pythonFullVersion,
        String platformPythonImplementation,
        String pythonVersion,
        String sysPlatform) {

    /** The marker variable names, as used by {@link #of(Map)} and {@link #asMap()}. */
    public static final Set<String> VARIABLES = Set.of(
            "implementation_name", "implementation_version", "os_name", "platform_machine", "platform_release",
            "platform_system", "platform_version", "python_full_version", "platform_python_implementation",
            "python_version", "sys_platform");

    /**
     * Builds an environment from marker variable names (e.g. {@code python_version}) to values;
     * missing names are undefined.
     *
     * @throws IllegalArgumentException for a key that is not a marker variable (including {@code extra})
     */
    public static MarkerEnvironment of(Map<String, String> values) {
        for (String key : values.keySet()) {
            if (!VARIABLES.contains(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a marker environment variable; expected one of "
                        + new java.util.TreeSet<>(VARIABLES) + " (extra is passed to Marker.evaluate separately)");
            }
        }
        return new MarkerEnvironment(values.get("implementation_name"), values.get("implementation_version"),
                values.get("os_name"), values.get("platform_machine"), values.get("platform_release"),
                values.get("platform_system"), values.get("platform_version"), values.get("python_full_version"),
                values.get("platform_python_implementation"), values.get("python_version"), values.get("sys_platform"));
    }

    /** The value of a marker variable by its PEP 508 name, empty when undefined or unknown. */
    public Optional<String> get(String variable) {
        return Optional.ofNullable(switch (variable) {
            case "implementation_name" -> implementationName;
            case "implementation_version" -> implementationVersion;
            case "os_name" -> osName;
            case "platform_machine" -> platformMachine;
            case "platform_release" -> platformRelease;
            case "platform_system" -> platformSystem;
            case "platform_version" -> platformVersion;
            case "python_full_version" -> pythonFullVersion;
            case "platform_python_implementation" -> platformPythonImplementation;
            case "python_version" -> pythonVersion;
            case "sys_platform" -> sysPlatform;
            default -> null;
        });
    }

    /** The defined variables by PEP 508 name. */
    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : new java.util.TreeSet<>(VARIABLES)) {
            get(name).ifPresent(v -> map.put(name, v));
        }
        return map;
    }
}
