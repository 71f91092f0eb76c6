package io.github.smvm.tags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Platform-tag expansion, in the order {@code packaging.tags} 24.1 produces it. Every method is a
 * pure function of its arguments.
 */
public final class Platforms {

    /** Architectures for which packaging accepts manylinux tags without an ELF check. */
    private static final Set<String> MANYLINUX_ARCHS = Set.of(
            "x86_64", "aarch64", "ppc64", "ppc64le", "s390x", "loongarch64", "riscv64");

    /** glibc minor assumed as the last one of an older glibc major (packaging's guess). */
    private static final int LAST_GLIBC_MINOR = 50;

    private Platforms() {
    }

    /** Replaces {@code .}, {@code -} and space by {@code _}, then lower-cases, like packaging. */
    public static String normalize(String platform) {
        if (platform == null || platform.isBlank()) {
            throw new IllegalArgumentException("platform '" + platform + "' must not be empty");
        }
        return platform.replace('.', '_').replace('-', '_').replace(' ', '_').toLowerCase(Locale.ROOT);
    }

    /**
     * The compatible Linux architectures, closest first: {@code armv8l} also runs {@code armv7l}.
     *
     * @param arch the interpreter's architecture, e.g. {@code x86_64}, {@code i686}, {@code armv8l}
     */
    public static List<String> linuxArchs(String arch) {
        String normalized = normalize(arch);
        return normalized.equals("armv8l") ? List.of("armv8l", "armv7l") : List.of(normalized);
    }

    /**
     * The architecture a Linux interpreter reports, from the machine architecture of
     * {@code sysconfig.get_platform()}: a 32-bit interpreter on {@code x86_64} is {@code i686}, on
     * {@code aarch64} it is {@code armv8l}.
     */
    public static String linuxInterpreterArch(String machineArch, boolean is32BitInterpreter) {
        String arch = normalize(machineArch);
        if (is32BitInterpreter) {
            if (arch.equals("x86_64")) {
                return "i686";
            }
            if (arch.equals("aarch64")) {
                return "armv8l";
            }
        }
        return arch;
    }

    /**
     * Whether manylinux tags apply to these architectures. Like packaging, except that the ELF
     * check of the interpreter for {@code armv7l} (hard-float ABI) and {@code i686} is assumed to
     * pass.
     */
    public static boolean manylinuxApplies(List<String> archs) {
        if (archs.contains("armv7l") || archs.contains("i686")) {
            return true;
        }
        return archs.stream().anyMatch(MANYLINUX_ARCHS::contains);
    }

    /**
     * PEP 600 {@code manylinux_2_N_<arch>} tags from the given glibc down to the architecture's floor
     * (2.5 when x86_64 or i686 is among {@code archs}, else 2.17), with the legacy
     * {@code manylinux2014} / {@code manylinux2010} / {@code manylinux1} aliases after 2.17 / 2.12 /
     * 2.5; all versions for the first arch, then the next arch.
     */
    public static List<String> manylinux(List<String> archs, int glibcMajor, int glibcMinor) {
        List<String> result = new ArrayList<>();
        if (archs.isEmpty() || !manylinuxApplies(archs)) {
            return result;
        }
        int floorMajor = 2;
        int floorMinorExclusive = archs.contains("x86_64") || archs.contains("i686") ? 4 : 16;
        List<int[]> maxima = new ArrayList<>();
        maxima.add(new int[] {glibcMajor, glibcMinor});
        for (int major = glibcMajor - 1; major > 1; major--) {
            maxima.add(new int[] {major, LAST_GLIBC_MINOR});
        }
        for (String arch : archs) {
            for (int[] max : maxima) {
                int minMinorExclusive = max[0] == floorMajor ? floorMinorExclusive : -1;
                for (int minor = max[1]; minor > minMinorExclusive; minor--) {
                    result.add("manylinux_" + max[0] + "_" + minor + "_" + arch);
                    String legacy = legacyManylinux(max[0], minor);
                    if (legacy != null) {
                        result.add(legacy + "_" + arch);
                    }
                }
            }
        }
        return result;
    }

    /** The legacy alias of a glibc version (PEP 513/571/599), or null. */
    static String legacyManylinux(int glibcMajor, int glibcMinor) {
        if (glibcMajor != 2) {
            return null;
        }
        return switch (glibcMinor) {
            case 17 -> "manylinux2014";
            case 12 -> "manylinux2010";
            case 5 -> "manylinux1";
            default -> null;
        };
    }

    /** PEP 656 {@code musllinux_M_N_<arch>} tags for N from the musl minor down to 0, per arch. */
    public static List<String> musllinux(List<String> archs, int muslMajor, int muslMinor) {
        List<String> result = new ArrayList<>();
        for (String arch : archs) {
            for (int minor = muslMinor; minor >= 0; minor--) {
                result.add("musllinux_" + muslMajor + "_" + minor + "_" + arch);
            }
        }
        return result;
    }

    /**
     * All platform tags of a Linux interpreter: manylinux (glibc) or musllinux (musl) tags, then
     * {@code linux_<arch>} for each compatible arch.
     *
     * @param arch the interpreter's architecture (see {@link #linuxInterpreterArch})
     */
    public static List<String> linux(String arch, Libc libc) {
        List<String> archs = linuxArchs(arch);
        List<String> result = new ArrayList<>();
        if (libc instanceof Libc.Glibc glibc) {
            result.addAll(manylinux(archs, glibc.major(), glibc.minor()));
        } else if (libc instanceof Libc.Musl musl) {
            result.addAll(musllinux(archs, musl.major(), musl.minor()));
        }
        for (String a : archs) {
            result.add("linux_" + a);
        }
        return result;
    }

    /**
     * The macOS arch packaging uses for a machine: a 32-bit interpreter is {@code ppc} on PowerPC
     * and {@code i386} otherwise.
     */
    public static String macArch(String machine, boolean is32BitInterpreter) {
        if (!is32BitInterpreter) {
            return machine;
        }
        return machine.startsWith("ppc") ? "ppc" : "i386";
    }

    /** The binary formats usable by {@code cpuArch} on macOS {@code major.minor}, best first. */
    public static List<String> macBinaryFormats(int major, int minor, String cpuArch) {
        List<String> formats = new ArrayList<>();
        formats.add(cpuArch);
        boolean below104 = major < 10 || (major == 10 && minor < 4);
        switch (cpuArch) {
            case "x86_64" -> {
                if (below104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat64", "fat32"));
            }
            case "i386" -> {
                if (below104) {
                    return List.of();
                }
                formats.addAll(List.of("intel", "fat32", "fat"));
            }
            case "ppc64" -> {
                boolean above105 = major > 10 || (major == 10 && minor > 5);
                if (above105 || below104) {
                    return List.of();
                }
                formats.add("fat64");
            }
            case "ppc" -> {
                if (major > 10 || (major == 10 && minor > 6)) {
                    return List.of();
                }
                formats.addAll(List.of("fat32", "fat"));
            }
            default -> {
                // arm64, universal2, intel, ...: just the arch itself (plus the families below).
            }
        }
        if (cpuArch.equals("arm64") || cpuArch.equals("x86_64")) {
            formats.add("universal2");
        }
        if (Set.of("x86_64", "i386", "ppc64", "ppc", "intel").contains(cpuArch)) {
            formats.add("universal");
        }
        return formats;
    }

    /**
     * {@code macosx_X_Y_<format>} tags for macOS {@code major.minor} on {@code arch}, exactly in the
     * order of packaging's {@code mac_platforms}: for 10.x every 10.y down to 10.0; for 11+ every
     * {@code N_0} down to 11_0 (the minor is ignored), then 10.16..10.4 (all x86_64 formats on
     * x86_64, only {@code universal2} on any other arch).
     */
    public static List<String> macos(int major, int minor, String arch) {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("invalid macOS version '" + major + "." + minor + "'");
        }
        if (arch == null || arch.isBlank()) {
            throw new IllegalArgumentException("macOS arch '" + arch + "' must not be empty");
        }
        List<String> result = new ArrayList<>();
        if (major == 10) {
            for (int m = minor; m >= 0; m--) {
                for (String format : macBinaryFormats(10, m, arch)) {
                    result.add(mac(10, m, format));
                }
            }
        }
        if (major >= 11) {
            for (int ma = major; ma > 10; ma--) {
                for (String format : macBinaryFormats(ma, 0, arch)) {
                    result.add(mac(ma, 0, format));
                }
            }
            for (int m = 16; m > 3; m--) {
                if (arch.equals("x86_64")) {
                    for (String format : macBinaryFormats(10, m, arch)) {
                        result.add(mac(10, m, format));
                    }
                } else {
                    result.add(mac(10, m, "universal2"));
                }
            }
        }
        return result;
    }

    private static String mac(int major, int minor, String format) {
        return "macosx_" + major + "_" + minor + "_" + format;
    }
}
