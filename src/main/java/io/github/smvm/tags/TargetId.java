package io.github.smvm.tags;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A virtual target such as {@code cp312-manylinux_2_28_x86_64}: an interpreter and the newest
 * platform tag it runs on. Its environment supports what an interpreter on that platform would,
 * including every older manylinux / musllinux / macOS version.
 *
 * <p>Grammar: {@code <python>-<platform>} where {@code <python>} is {@code cp3<minor>[t]}
 * ({@code t}: free-threaded, 3.13+) or {@code pp3<minor>} and {@code <platform>} is one of
 * {@code manylinux_<glibc major>_<minor>_<arch>}, {@code manylinux1|2010|2014_<arch>},
 * {@code musllinux_<major>_<minor>_<arch>}, {@code macosx_<major>_<minor>_<arch>},
 * {@code linux_<arch>}, {@code win32}, {@code win_amd64}, {@code win_arm64}.
 */
public record TargetId(String id, Interpreter interpreter, Platform platform) {

    static final String GRAMMAR = "expected <python>-<platform> with <python> cp3<minor>[t] or pp3<minor> and <platform> "
            + "manylinux_2_<minor>_<arch>, manylinux2014_<arch>, musllinux_1_<minor>_<arch>, macosx_<major>_<minor>_<arch>, "
            + "linux_<arch>, win32, win_amd64 or win_arm64; for example cp312-manylinux_2_28_x86_64";

    private static final Pattern PYTHON = Pattern.compile("(cp|pp)(\\d)(\\d{1,2})(t?)");
    private static final Pattern ARCH = Pattern.compile("[a-z0-9_]+");
    private static final Set<String> MAC_ARCHS = Set.of("arm64", "x86_64", "universal2", "i386", "ppc", "ppc64", "intel");

    public TargetId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(interpreter, "interpreter");
        Objects.requireNonNull(platform, "platform");
    }

    /** Parses a target id; fails with the grammar and an example. */
    public static TargetId parse(String id) {
        if (id == null) {
            throw bad(null, "it is missing");
        }
        String text = id.trim();
        int dash = text.indexOf('-');
        if (dash < 0 || text.indexOf('-', dash + 1) >= 0) {
            throw bad(id, "it must contain exactly one '-'");
        }
        Interpreter interpreter = parsePython(id, text.substring(0, dash));
        Platform platform = parsePlatform(id, text.substring(dash + 1));
        return new TargetId(text, interpreter, platform);
    }

    private static Interpreter parsePython(String id, String python) {
        Matcher m = PYTHON.matcher(python);
        if (!m.matches()) {
            throw bad(id, "'" + python + "' is not cp3<minor>[t] or pp3<minor>");
        }
        int major = Integer.parseInt(m.group(2));
        int minor = Integer.parseInt(m.group(3));
        boolean freeThreaded = !m.group(4).isEmpty();
        if (major != 3) {
            throw bad(id, "only Python 3 is supported, got '" + python + "'");
        }
        if (m.group(1).equals("pp")) {
            if (freeThreaded) {
                throw bad(id, "PyPy has no free-threaded build");
            }
            return Interpreter.generic("pp", major, minor, "pypy" + major + minor + "-pp73");
        }
        if (freeThreaded && minor < 13) {
            throw bad(id, "free-threaded CPython ('t') exists from 3.13, got '" + python + "'");
        }
        // Before 3.8 a default CPython build has pymalloc ("m").
        return Interpreter.cpython(major, minor, (minor < 8 ? "m" : "") + (freeThreaded ? "t" : ""));
    }

    private static Platform parsePlatform(String id, String platform) {
        switch (platform) {
            case "win32":
                return Platform.windows("x86");
            case "win_amd64":
                return Platform.windows("amd64");
            case "win_arm64":
                return Platform.windows("arm64");
            default:
                break;
        }
        PlatformTag tag = PlatformTag.parse(platform);
        if (tag instanceof PlatformTag.Manylinux many && validArch(many.arch())) {
            return Platform.linux(many.arch(), Libc.glibc(many.major(), many.minor()));
        }
        if (tag instanceof PlatformTag.Musllinux musl && validArch(musl.arch())) {
            return Platform.linux(musl.arch(), Libc.musl(musl.major(), musl.minor()));
        }
        if (tag instanceof PlatformTag.PlainLinux linux && validArch(linux.arch())) {
            return Platform.linux(linux.arch(), Libc.unknown());
        }
        if (tag instanceof PlatformTag.MacOs mac) {
            if (!MAC_ARCHS.contains(mac.format())) {
                throw bad(id, "macOS arch '" + mac.format() + "' is not one of " + new java.util.TreeSet<>(MAC_ARCHS));
            }
            if (mac.major() < 10) {
                throw bad(id, "macOS version " + mac.major() + "." + mac.minor() + " is older than 10.0");
            }
            return Platform.macos(mac.major(), mac.minor(), mac.format());
        }
        throw bad(id, "'" + platform + "' is not a supported platform");
    }

    private static boolean validArch(String arch) {
        return ARCH.matcher(arch).matches();
    }

    private static IllegalArgumentException bad(String id, String why) {
        return new IllegalArgumentException("invalid target id '" + id + "': " + why + "; " + GRAMMAR);
    }

    /** The environment an interpreter on this target would have. */
    public TagEnvironment environment() {
        return TagEnvironment.of(interpreter, platform);
    }

    public SupportedTags supportedTags() {
        return environment().supportedTags();
    }

    @Override
    public String toString() {
        return id;
    }
}
