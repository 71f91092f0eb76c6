package io.github.smvm.vendor;

import java.util.List;
import java.util.Objects;

/**
 * What a vendor needs to know about the machine the build runs on, as detected. Nullable fields are
 * {@code null} when the fact could not be found out (never a guess).
 *
 * @param osName the operating system's name ({@code os.name}: {@code Linux}, {@code Mac OS X}, {@code Windows 11})
 * @param osVersion its version ({@code os.version}: the kernel release on Linux)
 * @param distribution the Linux distribution from {@code /etc/os-release}, or {@code null} where there is none
 * @param architecture the machine's architecture as {@code uname -m} names it ({@code x86_64}, {@code aarch64},
 *     {@code arm64} on macOS, {@code AMD64} on Windows)
 * @param jvmArchitecture the Java runtime's {@code os.arch} as reported ({@code amd64})
 * @param libc the C library
 * @param buildTools the compilers looked for, found or not, in the order looked for
 */
public record HostFacts(String osName, String osVersion, OsRelease distribution, String architecture,
        String jvmArchitecture, Libc libc, List<BuildTool> buildTools) {

    public HostFacts {
        Objects.requireNonNull(libc, "libc");
        buildTools = List.copyOf(buildTools);
    }

    /**
     * The C library.
     *
     * @param family {@code glibc} or {@code musl}, or {@code null} when unknown (or not Linux)
     * @param version its version ({@code 2.36}), or {@code null} when unknown
     * @param source how it was found out ({@code ldd --version}), or why it is unknown
     */
    public record Libc(String family, String version, String source) {
    }

    /**
     * One compiler that decides whether a source build is possible here.
     *
     * @param name {@code gcc}, {@code clang} or {@code cl.exe}
     * @param path where it was found on {@code PATH}, or {@code null} when it is not there
     * @param version the first line of its version output, or {@code null}
     * @param problem why the version is unknown although the tool was found, or {@code null}
     */
    public record BuildTool(String name, String path, String version, String problem) {

        public boolean found() {
            return path != null;
        }
    }

    /** Whether some C compiler is on {@code PATH}. */
    public boolean anyCompiler() {
        return buildTools.stream().anyMatch(BuildTool::found);
    }
}
