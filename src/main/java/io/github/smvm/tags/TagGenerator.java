package io.github.smvm.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEP 425 tag sequences, identical in content and order to {@code packaging.tags} 24.1. Pure
 * functions: everything packaging reads from the running interpreter is a parameter.
 */
public final class TagGenerator {

    private static final Pattern CPYTHON_ABI = Pattern.compile("cp\\d+(.*)");
    private static final Pattern ABI_FLAGS = Pattern.compile("[dtmu]*");

    private TagGenerator() {
    }

    /** {@code "".join(map(str, version))}: {@code 3, 12} gives {@code 312}. */
    public static String versionNodot(int major, int minor) {
        return Integer.toString(major) + minor;
    }

    /**
     * The ABIs of a CPython build, like packaging's {@code _cpython_abis}, from the letters of
     * {@code sys.abiflags}: {@code d} debug ({@code Py_DEBUG}), {@code t} free-threaded
     * ({@code Py_GIL_DISABLED}, honoured from 3.13), {@code m} pymalloc (honoured before 3.8),
     * {@code u} wide unicode (honoured before 3.3). The letters may come in any order.
     */
    public static List<String> cpythonAbis(int major, int minor, String abiFlags) {
        String flags = abiFlags == null ? "" : abiFlags;
        if (!ABI_FLAGS.matcher(flags).matches()) {
            throw new IllegalArgumentException(
                    "abiflags '" + abiFlags + "' may only contain d (debug), t (free-threaded), m (pymalloc), u (UCS-4)");
        }
        String version = versionNodot(major, minor);
        String debug = flags.contains("d") ? "d" : "";
        String threading = atLeast(major, minor, 3, 13) && flags.contains("t") ? "t" : "";
        String pymalloc = "";
        String ucs4 = "";
        List<String> abis = new ArrayList<>();
        if (!atLeast(major, minor, 3, 8)) {
            pymalloc = flags.contains("m") ? "m" : "";
            if (!atLeast(major, minor, 3, 3)) {
                ucs4 = flags.contains("u") ? "u" : "";
            }
        } else if (!debug.isEmpty()) {
            // Debug builds can also load normal extension modules.
            abis.add("cp" + version + threading);
        }
        abis.add(0, "cp" + version + threading + debug + pymalloc + ucs4);
        return List.copyOf(abis);
    }

    /**
     * The {@code sys.abiflags}-style letters packaging's {@code _cpython_abis} would derive from a
     * CPython build's configuration (null = the config variable is unset).
     *
     * @param pyDebug {@code sysconfig.get_config_var("Py_DEBUG")}
     * @param hasTotalRefcount {@code hasattr(sys, "gettotalrefcount")}
     * @param debugExtensionSuffix {@code "_d.pyd" in importlib.machinery.EXTENSION_SUFFIXES}
     * @param gilDisabled {@code Py_GIL_DISABLED}
     * @param withPymalloc {@code WITH_PYMALLOC}
     * @param unicodeSize {@code Py_UNICODE_SIZE}
     * @param wideMaxUnicode {@code sys.maxunicode == 0x10FFFF}
     */
    public static String cpythonAbiFlags(Boolean pyDebug, boolean hasTotalRefcount, boolean debugExtensionSuffix,
            Boolean gilDisabled, Boolean withPymalloc, Integer unicodeSize, boolean wideMaxUnicode) {
        StringBuilder flags = new StringBuilder();
        if (Boolean.TRUE.equals(pyDebug) || (pyDebug == null && (hasTotalRefcount || debugExtensionSuffix))) {
            flags.append('d');
        }
        if (Boolean.TRUE.equals(gilDisabled)) {
            flags.append('t');
        }
        if (withPymalloc == null || withPymalloc) {
            flags.append('m');
        }
        if ((unicodeSize != null && unicodeSize == 4) || (unicodeSize == null && wideMaxUnicode)) {
            flags.append('u');
        }
        return flags.toString();
    }

    /**
     * packaging's {@code _generic_abi}: the ABI of a non-CPython interpreter from its
     * {@code EXT_SUFFIX} (starting with a dot, e.g. {@code .pypy310-pp73-x86_64-linux-gnu.so}) or
     * its {@code SOABI} (e.g. {@code pypy310-pp73}). Gives {@code pypy310_pp73},
     * {@code graalpy240_311_native}, {@code cp310}, ...; an empty SOABI gives no ABI.
     *
     * <p>Divergence: for an {@code EXT_SUFFIX} without an ABI part ({@code .pyd}) packaging falls back
     * to the running interpreter's CPython ABIs; this throws instead.
     */
    public static List<String> genericAbis(String extSuffixOrSoabi) {
        if (extSuffixOrSoabi == null) {
            throw new IllegalArgumentException("EXT_SUFFIX / SOABI must not be null");
        }
        String soabi = extSuffixOrSoabi;
        if (soabi.startsWith(".")) {
            String[] parts = soabi.split("\\.", -1);
            if (parts.length < 3) {
                throw new IllegalArgumentException("EXT_SUFFIX '" + extSuffixOrSoabi
                        + "' has no ABI part: expected e.g. .pypy310-pp73-x86_64-linux-gnu.so");
            }
            soabi = parts[1];
        }
        if (soabi.isEmpty()) {
            return List.of();
        }
        String[] dashed = soabi.split("-", -1);
        String abi;
        if (soabi.startsWith("cpython")) {
            if (dashed.length < 2) {
                throw new IllegalArgumentException("SOABI '" + soabi + "' lacks the version part, e.g. cpython-312-x86_64-linux-gnu");
            }
            abi = "cp" + dashed[1];
        } else if (soabi.startsWith("cp")) {
            abi = dashed[0];
        } else if (soabi.startsWith("pypy")) {
            abi = String.join("-", java.util.Arrays.asList(dashed).subList(0, Math.min(2, dashed.length)));
        } else if (soabi.startsWith("graalpy")) {
            abi = String.join("-", java.util.Arrays.asList(dashed).subList(0, Math.min(3, dashed.length)));
        } else {
            abi = soabi;
        }
        return List.of(Platforms.normalize(abi));
    }

    /**
     * packaging's {@code cpython_tags(python_version, abis, platforms)}: each ABI × platform, then
     * {@code abi3} (unless free-threaded or before 3.2), then {@code none}, then {@code abi3} for every
     * older minor down to 3.2. {@code abi3} and {@code none} in {@code abis} are ignored.
     */
    public static List<Tag> cpythonTags(int major, int minor, List<String> abis, List<String> platforms) {
        String interpreter = "cp" + versionNodot(major, minor);
        List<String> specific = new ArrayList<>(abis);
        specific.remove("abi3");
        specific.remove("none");
        List<Tag> tags = new ArrayList<>();
        for (String abi : specific) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, abi, platform));
            }
        }
        boolean threading = isThreaded(specific);
        boolean useAbi3 = atLeast(major, minor, 3, 2) && !threading;
        if (useAbi3) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, "abi3", platform));
            }
        }
        for (String platform : platforms) {
            tags.add(new Tag(interpreter, "none", platform));
        }
        if (useAbi3) {
            for (int older = minor - 1; older > 1; older--) {
                for (String platform : platforms) {
                    tags.add(new Tag("cp" + versionNodot(major, older), "abi3", platform));
                }
            }
        }
        return List.copyOf(tags);
    }

    private static boolean isThreaded(List<String> abis) {
        if (abis.isEmpty()) {
            return false;
        }
        Matcher m = CPYTHON_ABI.matcher(abis.get(0));
        return m.lookingAt() && m.group(1).contains("t");
    }

    /** packaging's {@code generic_tags(interpreter, abis, platforms)}: each ABI (plus {@code none}) × platform. */
    public static List<Tag> genericTags(String interpreter, List<String> abis, List<String> platforms) {
        List<String> all = new ArrayList<>(abis);
        if (!all.contains("none")) {
            all.add("none");
        }
        List<Tag> tags = new ArrayList<>();
        for (String abi : all) {
            for (String platform : platforms) {
                tags.add(new Tag(interpreter, abi, platform));
            }
        }
        return List.copyOf(tags);
    }

    /**
     * packaging's {@code compatible_tags(python_version, interpreter, platforms)}: {@code py3X},
     * {@code py3}, {@code py3(X-1)} .. {@code py30} with ABI {@code none} on each platform, then
     * {@code <interpreter>-none-any} if {@code interpreter} is not null, then the same
     * {@code py*-none-any}.
     */
    public static List<Tag> compatibleTags(int major, int minor, String interpreter, List<String> platforms) {
        if (minor < 0) {
            throw new IllegalArgumentException("invalid Python minor version " + minor);
        }
        return compatibleTags(major, minor, true, interpreter, platforms);
    }

    /** {@link #compatibleTags(int, int, String, List)} for a major-only version such as {@code (3,)}: just {@code py3}. */
    public static List<Tag> compatibleTags(int major, String interpreter, List<String> platforms) {
        return compatibleTags(major, -1, false, interpreter, platforms);
    }

    private static List<Tag> compatibleTags(int major, int minor, boolean hasMinor, String interpreter,
            List<String> platforms) {
        List<String> versions = new ArrayList<>();
        if (hasMinor) {
            versions.add("py" + versionNodot(major, minor));
        }
        versions.add("py" + major);
        for (int older = minor - 1; older >= 0; older--) {
            versions.add("py" + versionNodot(major, older));
        }
        List<Tag> tags = new ArrayList<>();
        for (String version : versions) {
            for (String platform : platforms) {
                tags.add(new Tag(version, "none", platform));
            }
        }
        if (interpreter != null && !interpreter.isEmpty()) {
            tags.add(new Tag(interpreter, "none", "any"));
        }
        for (String version : versions) {
            tags.add(new Tag(version, "none", "any"));
        }
        return List.copyOf(tags);
    }

    /** packaging's {@code sys_tags()} for an environment: interpreter tags, then compatible tags. */
    public static List<Tag> sysTags(TagEnvironment environment) {
        Interpreter interpreter = environment.interpreter();
        List<String> platforms = environment.platforms();
        List<Tag> tags = new ArrayList<>();
        String compatibleInterpreter;
        if (interpreter.name().equals("cp")) {
            tags.addAll(cpythonTags(interpreter.major(), interpreter.minor(), interpreter.abis(), platforms));
            compatibleInterpreter = "cp" + interpreter.nodot();
        } else {
            tags.addAll(genericTags(interpreter.tag(), interpreter.abis(), platforms));
            compatibleInterpreter = interpreter.name().equals("pp") ? "pp3" : null;
        }
        tags.addAll(compatibleTags(interpreter.major(), interpreter.minor(), compatibleInterpreter, platforms));
        return List.copyOf(tags);
    }

    private static boolean atLeast(int major, int minor, int wantMajor, int wantMinor) {
        return major > wantMajor || (major == wantMajor && minor >= wantMinor);
    }
}
