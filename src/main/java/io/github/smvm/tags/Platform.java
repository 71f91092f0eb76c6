package io.github.smvm.tags;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** The platform an interpreter runs on; {@link #tags()} expands it like packaging's {@code platform_tags()}. */
public sealed interface Platform {

    /** The platform tags, best first. */
    List<String> tags();

    /**
     * Linux with the interpreter's architecture (already mapped for 32-bit interpreters, see
     * {@link Platforms#linuxInterpreterArch}) and C library.
     */
    record Linux(String arch, Libc libc) implements Platform {
        public Linux {
            arch = Platforms.normalize(arch);
            Objects.requireNonNull(libc, "libc");
        }

        @Override
        public List<String> tags() {
            return List.copyOf(Platforms.linux(arch, libc));
        }
    }

    /** macOS {@code major.minor} with the arch packaging uses ({@code arm64}, {@code x86_64}, {@code universal2}, ...). */
    record MacOs(int major, int minor, String arch) implements Platform {
        public MacOs {
            if (major < 10 || minor < 0) {
                throw new IllegalArgumentException("invalid macOS version '" + major + "." + minor + "': expected 10.x or later");
            }
            if (arch == null || arch.isBlank()) {
                throw new IllegalArgumentException("macOS arch '" + arch + "' must not be empty");
            }
            arch = arch.toLowerCase(Locale.ROOT);
        }

        @Override
        public List<String> tags() {
            return List.copyOf(Platforms.macos(major, minor, arch));
        }
    }

    /** Windows; the single tag is {@code win32}, {@code win_amd64} or {@code win_arm64}. */
    record Windows(String arch) implements Platform {
        public Windows {
            if (arch == null || arch.isBlank()) {
                throw new IllegalArgumentException("Windows arch '" + arch + "' must not be empty");
            }
            arch = switch (arch.toLowerCase(Locale.ROOT)) {
                case "win32", "x86", "i386", "i686" -> "x86";
                case "amd64", "x86_64", "win_amd64", "win-amd64" -> "amd64";
                case "arm64", "aarch64", "win_arm64", "win-arm64" -> "arm64";
                default -> {
                    String normalized = Platforms.normalize(arch);
                    yield normalized.startsWith("win_") ? normalized.substring("win_".length()) : normalized;
                }
            };
        }

        /** {@code win32} for x86, else {@code win_<arch>}. */
        public String tag() {
            return arch.equals("x86") ? "win32" : "win_" + arch;
        }

        @Override
        public List<String> tags() {
            return List.of(tag());
        }
    }

    /** Any other platform: the normalised {@code sysconfig.get_platform()} string as the only tag. */
    record Other(String platform) implements Platform {
        public Other {
            platform = Platforms.normalize(platform);
        }

        @Override
        public List<String> tags() {
            return List.of(platform);
        }
    }

    static Platform linux(String arch, Libc libc) {
        return new Linux(arch, libc);
    }

    /** Linux from the machine arch of {@code sysconfig.get_platform()} and the interpreter's bitness. */
    static Platform linux(String machineArch, boolean is32BitInterpreter, Libc libc) {
        return new Linux(Platforms.linuxInterpreterArch(machineArch, is32BitInterpreter), libc);
    }

    static Platform macos(int major, int minor, String arch) {
        return new MacOs(major, minor, arch);
    }

    static Platform windows(String arch) {
        return new Windows(arch);
    }

    static Platform other(String sysconfigPlatform) {
        return new Other(sysconfigPlatform);
    }

    /**
     * The platform packaging would derive on a machine, from what an interpreter probe reports.
     *
     * @param system {@code platform.system()}: {@code Linux}, {@code Darwin}, {@code Windows}, ...
     * @param sysconfigPlatform {@code sysconfig.get_platform()}, e.g. {@code linux-x86_64}, {@code win-amd64}
     * @param is32BitInterpreter {@code struct.calcsize("P") == 4}
     * @param libc the glibc / musl version on Linux ({@link Libc.Unknown} if neither); ignored elsewhere
     * @param macVersion {@code platform.mac_ver()[0]} on macOS (e.g. {@code 14.5}); ignored elsewhere.
     *     Packaging re-queries a reported {@code 10.16}; pass the real version instead.
     * @param macMachine {@code platform.mac_ver()[2]} on macOS (e.g. {@code arm64}); ignored elsewhere
     */
    static Platform fromProbe(String system, String sysconfigPlatform, boolean is32BitInterpreter, Libc libc,
            String macVersion, String macMachine) {
        if ("Darwin".equals(system)) {
            if (macVersion == null || macMachine == null) {
                throw new IllegalArgumentException("macOS needs mac_ver version and machine, got '" + macVersion
                        + "' and '" + macMachine + "'");
            }
            String[] parts = macVersion.split("\\.");
            if (parts.length < 2) {
                throw new IllegalArgumentException("macOS version '" + macVersion + "' is not major.minor[.patch]");
            }
            try {
                return new MacOs(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                        Platforms.macArch(macMachine, is32BitInterpreter));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("macOS version '" + macVersion + "' is not major.minor[.patch]", e);
            }
        }
        String normalized = Platforms.normalize(sysconfigPlatform);
        if ("Linux".equals(system)) {
            if (!normalized.startsWith("linux_")) {
                return new Other(normalized);
            }
            return linux(normalized.substring("linux_".length()), is32BitInterpreter,
                    libc == null ? Libc.unknown() : libc);
        }
        if (normalized.equals("win32") || normalized.equals("win_amd64") || normalized.equals("win_arm64")) {
            return new Windows(normalized);
        }
        return new Other(normalized);
    }
}
