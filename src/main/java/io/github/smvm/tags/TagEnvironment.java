package io.github.smvm.tags;

import java.util.List;
import java.util.Objects;

/**
 * Everything tag generation needs about an environment: the interpreter and its platform tags
 * (best first). {@link #tags()} is the equivalent of packaging's {@code sys_tags()} there.
 */
public record TagEnvironment(Interpreter interpreter, List<String> platforms) {

    public TagEnvironment {
        Objects.requireNonNull(interpreter, "interpreter");
        if (platforms == null || platforms.isEmpty()) {
            throw new IllegalArgumentException("an environment needs at least one platform tag, got " + platforms);
        }
        platforms = platforms.stream().map(Platforms::normalize).toList();
    }

    public static TagEnvironment of(Interpreter interpreter, Platform platform) {
        return new TagEnvironment(interpreter, platform.tags());
    }

    /** Linux with the interpreter's arch (e.g. {@code x86_64}, {@code i686}, {@code armv8l}) and libc. */
    public static TagEnvironment forLinux(Interpreter interpreter, String arch, Libc libc) {
        return of(interpreter, Platform.linux(arch, libc));
    }

    /**
     * Linux from probe values: {@code sys.implementation.name}, version, abiflags letters,
     * {@code EXT_SUFFIX}/{@code SOABI} (non-CPython), free-threaded, the machine arch of
     * {@code sysconfig.get_platform()}, 32-bit interpreter, and libc.
     */
    public static TagEnvironment forLinux(String implementationName, int major, int minor, String abiFlags,
            String extSuffixOrSoabi, boolean freeThreaded, String machineArch, boolean is32BitInterpreter, Libc libc) {
        return of(Interpreter.of(implementationName, major, minor, abiFlags, extSuffixOrSoabi, freeThreaded),
                Platform.linux(machineArch, is32BitInterpreter, libc));
    }

    /** macOS {@code macMajor.macMinor} with packaging's arch ({@code arm64}, {@code x86_64}, {@code universal2}, ...). */
    public static TagEnvironment forMacOs(Interpreter interpreter, int macMajor, int macMinor, String arch) {
        return of(interpreter, Platform.macos(macMajor, macMinor, arch));
    }

    public static TagEnvironment forMacOs(String implementationName, int major, int minor, String abiFlags,
            String extSuffixOrSoabi, boolean freeThreaded, int macMajor, int macMinor, String arch) {
        return forMacOs(Interpreter.of(implementationName, major, minor, abiFlags, extSuffixOrSoabi, freeThreaded),
                macMajor, macMinor, arch);
    }

    /** Windows: arch {@code x86}/{@code win32}, {@code amd64} or {@code arm64}. */
    public static TagEnvironment forWindows(Interpreter interpreter, String arch) {
        return of(interpreter, Platform.windows(arch));
    }

    public static TagEnvironment forWindows(String implementationName, int major, int minor, String abiFlags,
            String extSuffixOrSoabi, boolean freeThreaded, String arch) {
        return forWindows(Interpreter.of(implementationName, major, minor, abiFlags, extSuffixOrSoabi, freeThreaded), arch);
    }

    /** The tags, best first, as packaging's {@code sys_tags()} would list them. */
    public List<Tag> tags() {
        return TagGenerator.sysTags(this);
    }

    public SupportedTags supportedTags() {
        return SupportedTags.of(tags());
    }
}
