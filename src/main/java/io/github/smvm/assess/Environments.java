package io.github.smvm.assess;

import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.MarkerEnvironment;
import io.github.smvm.probe.InterpreterInfo;
import io.github.smvm.selection.SelectionEnvironment;
import io.github.smvm.tags.Interpreter;
import io.github.smvm.tags.Platform;
import io.github.smvm.tags.SupportedTags;
import io.github.smvm.tags.TargetId;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds {@link AssessedEnvironment}s from probed interpreters and from virtual target ids. */
public final class Environments {

    private Environments() {}

    /** A real interpreter's environment, from its probe. */
    public static AssessedEnvironment ofInterpreter(String id, Role role, InterpreterInfo info, String executable) {
        SupportedTags tags = info.tagEnvironment().supportedTags();
        String python = info.version().major() + "." + info.version().minor() + "." + info.version().micro();
        String description = info.tagEnvironment().interpreter().tag() + " " + tags.mostSpecificPlatform();
        return new AssessedEnvironment(id, role, info.version().toString(), info.implementationName(), executable,
                tags.mostSpecificPlatform(), new SelectionEnvironment(tags, Version.parse(python), description),
                info.markerEnvironment(), null, info.tagEnvironment().interpreter().tag(), info.pipVersion());
    }

    /**
     * A virtual target's environment. Its marker environment is what an interpreter on that platform
     * would report, as far as the id tells: release-specific values ({@code platform_release},
     * {@code platform_version}) are empty, and the Python version is {@code X.Y.0}.
     *
     * @throws IllegalArgumentException for a malformed id, with the grammar and an example
     */
    public static AssessedEnvironment ofTarget(String id) {
        TargetId target = TargetId.parse(id);
        SupportedTags tags = target.supportedTags();
        Interpreter interpreter = target.interpreter();
        String minor = interpreter.major() + "." + interpreter.minor();
        String description = interpreter.tag() + " " + tags.mostSpecificPlatform();
        return new AssessedEnvironment(id, Role.TARGET, minor, implementationName(interpreter), null,
                tags.mostSpecificPlatform(), new SelectionEnvironment(tags, Version.parse(minor), description),
                markers(interpreter, target.platform()), null, interpreter.tag(), null);
    }

    private static String implementationName(Interpreter interpreter) {
        return switch (interpreter.name()) {
            case "cp" -> "cpython";
            case "pp" -> "pypy";
            default -> interpreter.name();
        };
    }

    static MarkerEnvironment markers(Interpreter interpreter, Platform platform) {
        String minor = interpreter.major() + "." + interpreter.minor();
        Map<String, String> values = new LinkedHashMap<>();
        boolean pypy = interpreter.name().equals("pp");
        values.put("implementation_name", pypy ? "pypy" : "cpython");
        values.put("platform_python_implementation", pypy ? "PyPy" : "CPython");
        values.put("implementation_version", pypy ? "7.3.0" : minor + ".0");
        values.put("python_version", minor);
        values.put("python_full_version", minor + ".0");
        values.put("platform_release", "");
        values.put("platform_version", "");
        if (platform instanceof Platform.Linux linux) {
            values.put("os_name", "posix");
            values.put("sys_platform", "linux");
            values.put("platform_system", "Linux");
            values.put("platform_machine", linux.arch());
        } else if (platform instanceof Platform.MacOs mac) {
            values.put("os_name", "posix");
            values.put("sys_platform", "darwin");
            values.put("platform_system", "Darwin");
            values.put("platform_machine", mac.arch().equals("arm64") ? "arm64" : "x86_64");
        } else if (platform instanceof Platform.Windows windows) {
            values.put("os_name", "nt");
            values.put("sys_platform", "win32");
            values.put("platform_system", "Windows");
            values.put("platform_machine", switch (windows.arch()) {
                case "x86" -> "x86";
                case "arm64" -> "ARM64";
                default -> "AMD64";
            });
        } else {
            values.put("os_name", "posix");
            values.put("sys_platform", "linux");
            values.put("platform_system", "Linux");
            values.put("platform_machine", "");
        }
        return MarkerEnvironment.of(values);
    }
}
