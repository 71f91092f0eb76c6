package io.github.smvm.tags;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A Python interpreter as far as tags care.
 *
 * @param name the short implementation name: {@code cp}, {@code pp}, {@code graalpy}, ...
 * @param major Python language major version
 * @param minor Python language minor version
 * @param abis the interpreter-specific ABIs, best first (e.g. {@code [cp312]}, {@code [cp313t]},
 *     {@code [pypy310_pp73]}); {@code abi3} and {@code none} are added by the tag generation
 */
public record Interpreter(String name, int major, int minor, List<String> abis) {

    private static final Map<String, String> SHORT_NAMES = Map.of(
            "python", "py", "cpython", "cp", "pypy", "pp", "ironpython", "ip", "jython", "jy");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    public Interpreter {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("interpreter name '" + name + "' must match " + NAME.pattern() + ", e.g. cp or pp");
        }
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("invalid Python version '" + major + "." + minor + "'");
        }
        abis = List.copyOf(abis);
    }

    /** packaging's {@code interpreter_name()} mapping: {@code cpython} to {@code cp}, {@code pypy} to {@code pp}, ... */
    public static String shortName(String implementationName) {
        if (implementationName == null || implementationName.isBlank()) {
            throw new IllegalArgumentException("implementation name '" + implementationName + "' must not be empty");
        }
        String lower = implementationName.toLowerCase(Locale.ROOT);
        return SHORT_NAMES.getOrDefault(lower, lower);
    }

    /** CPython with {@code sys.abiflags}-style letters (see {@link TagGenerator#cpythonAbis}). */
    public static Interpreter cpython(int major, int minor, String abiFlags) {
        return new Interpreter("cp", major, minor, TagGenerator.cpythonAbis(major, minor, abiFlags));
    }

    /** A non-CPython interpreter whose ABI comes from its {@code EXT_SUFFIX} or {@code SOABI}. */
    public static Interpreter generic(String implementationName, int major, int minor, String extSuffixOrSoabi) {
        return new Interpreter(shortName(implementationName), major, minor, TagGenerator.genericAbis(extSuffixOrSoabi));
    }

    /**
     * From an interpreter probe: {@code sys.implementation.name}, {@code sys.version_info},
     * abiflags letters (CPython only), {@code EXT_SUFFIX} or {@code SOABI} (non-CPython only) and
     * whether the build is free-threaded ({@code Py_GIL_DISABLED}; adds {@code t} to the flags).
     */
    public static Interpreter of(String implementationName, int major, int minor, String abiFlags,
            String extSuffixOrSoabi, boolean freeThreaded) {
        String name = shortName(implementationName);
        if (name.equals("cp")) {
            String flags = abiFlags == null ? "" : abiFlags;
            if (freeThreaded && !flags.contains("t")) {
                flags = flags + "t";
            }
            return cpython(major, minor, flags);
        }
        return generic(name, major, minor, extSuffixOrSoabi);
    }

    /** {@code major} and {@code minor} without a dot, e.g. {@code 312}. */
    public String nodot() {
        return TagGenerator.versionNodot(major, minor);
    }

    /** The interpreter tag, e.g. {@code cp312} or {@code pp310}. */
    public String tag() {
        return name + nodot();
    }

    /** Whether this is a free-threaded CPython (first ABI carries the {@code t} flag). */
    public boolean freeThreaded() {
        return name.equals("cp") && !abis.isEmpty() && abis.get(0).matches("cp\\d+[a-z]*t[a-z]*");
    }
}
