package io.github.smvm.probe;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The PEP 508 marker environment of an interpreter, computed by the probe exactly as
 * {@code packaging.markers.default_environment()} does: {@code os_name}, {@code sys_platform},
 * {@code platform_machine}, {@code platform_python_implementation}, {@code platform_release},
 * {@code platform_system}, {@code platform_version}, {@code python_version},
 * {@code python_full_version}, {@code implementation_name}, {@code implementation_version}.
 */
public record MarkerValues(Map<String, String> values) {

    public MarkerValues {
        values = Collections.unmodifiableMap(new TreeMap<>(values));
    }

    /** The value of one marker variable, e.g. {@code get("sys_platform")}. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
