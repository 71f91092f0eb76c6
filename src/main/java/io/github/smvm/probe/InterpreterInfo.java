package io.github.smvm.probe;

import io.github.smvm.pep508.MarkerEnvironment;
import io.github.smvm.tags.Interpreter;
import io.github.smvm.tags.Libc;
import io.github.smvm.tags.Platform;
import io.github.smvm.tags.TagEnvironment;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the probe script found out about one Python interpreter. Immutable. Nullable fields are
 * documented; everything else is always present.
 *
 * @param probedPath the path that was executed (may be a symlink, shim or venv launcher)
 * @param version {@code sys.version_info}
 * @param sysVersion {@code sys.version}, the full build string
 * @param implementationName {@code sys.implementation.name} ({@code cpython}, {@code pypy}); on
 *     2.7 the lower-cased {@code platform.python_implementation()}
 * @param implementationVersion {@code sys.implementation.version} formatted like packaging does
 * @param pythonImplementation {@code platform.python_implementation()} ({@code CPython})
 * @param cacheTag {@code sys.implementation.cache_tag} ({@code cpython-312}); null on 2.7
 * @param abiFlags {@code sys.abiflags} ({@code ""}, {@code "m"}, {@code "t"}); null when absent
 *     (2.7, Windows)
 * @param soabi sysconfig {@code SOABI}; null when absent
 * @param extSuffix sysconfig {@code EXT_SUFFIX} ({@code SO} on 2.7); null when absent
 * @param pyDebug sysconfig {@code Py_DEBUG} (or {@code sys.gettotalrefcount} exists)
 * @param freeThreaded sysconfig {@code Py_GIL_DISABLED}
 * @param pointerBits {@code struct.calcsize("P") * 8}
 * @param sysconfigPlatform {@code sysconfig.get_platform()} ({@code linux-x86_64},
 *     {@code macosx-11.0-arm64}, {@code win-amd64})
 * @param platformMachine {@code platform.machine()}
 * @param osName {@code os.name}
 * @param sysPlatform {@code sys.platform}
 * @param platformSystem {@code platform.system()}
 * @param platformRelease {@code platform.release()}
 * @param platformVersion {@code platform.version()}
 * @param libc C library family and version (Linux); {@link LibcInfo#NONE} elsewhere
 * @param macosVersion {@code platform.mac_ver()[0]}; null when not macOS
 * @param executable {@code sys.executable}
 * @param prefix {@code sys.prefix}
 * @param basePrefix {@code sys.base_prefix} ({@code sys.real_prefix} under old virtualenv)
 * @param inVirtualEnvironment whether {@code prefix != basePrefix}
 * @param pipVersion version of the importable {@code pip} package; null when pip is absent
 * @param pipLocation directory of that pip package; null when pip is absent
 * @param markers the PEP 508 marker environment
 */
public record InterpreterInfo(
        Path probedPath,
        PythonVersion version,
        String sysVersion,
        String implementationName,
        String implementationVersion,
        String pythonImplementation,
        String cacheTag,
        String abiFlags,
        String soabi,
        String extSuffix,
        boolean pyDebug,
        boolean freeThreaded,
        int pointerBits,
        String sysconfigPlatform,
        String platformMachine,
        String osName,
        String sysPlatform,
        String platformSystem,
        String platformRelease,
        String platformVersion,
        LibcInfo libc,
        String macosVersion,
        Path executable,
        Path prefix,
        Path basePrefix,
        boolean inVirtualEnvironment,
        String pipVersion,
        Path pipLocation,
        MarkerValues markers) {

    public InterpreterInfo {
        Objects.requireNonNull(probedPath, "probedPath");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(implementationName, "implementationName");
        Objects.requireNonNull(markers, "markers");
        libc = libc == null ? LibcInfo.NONE : libc;
    }

    /**
     * The inputs of tag generation for this interpreter, from the probed facts: what packaging's
     * {@code sys_tags()} would compute inside it.
     *
     * @throws IllegalArgumentException when the facts do not describe a platform tags can be made for
     */
    public TagEnvironment tagEnvironment() {
        Interpreter interpreter = Interpreter.of(implementationName, version.major(), version.minor(), abiFlags,
                soabi != null ? soabi : extSuffix, freeThreaded);
        Libc tagLibc = Libc.unknown();
        if (libc.majorMinor().isPresent()) {
            int[] mm = libc.majorMinor().get();
            if (libc.isGlibc()) {
                tagLibc = Libc.glibc(mm[0], mm[1]);
            } else if (libc.isMusl()) {
                tagLibc = Libc.musl(mm[0], mm[1]);
            }
        }
        Platform platform = Platform.fromProbe(platformSystem, sysconfigPlatform, pointerBits == 32, tagLibc,
                macosVersion, platformMachine);
        return TagEnvironment.of(interpreter, platform);
    }

    /** The PEP 508 marker environment the interpreter reported. */
    public MarkerEnvironment markerEnvironment() {
        return MarkerEnvironment.of(markers.asMap());
    }

    public Optional<String> pipVersionIfPresent() {
        return Optional.ofNullable(pipVersion);
    }

    /** A one-line summary: {@code CPython 3.12.1 (64-bit, linux-x86_64, glibc 2.36) at /path}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        sb.append(pythonImplementation == null ? implementationName : pythonImplementation)
                .append(' ').append(version);
        if (freeThreaded) {
            sb.append(" free-threaded");
        }
        if (pyDebug) {
            sb.append(" debug");
        }
        sb.append(" (").append(pointerBits).append("-bit, ").append(sysconfigPlatform);
        if (libc.family() != null) {
            sb.append(", ").append(libc.family());
            if (libc.version() != null) {
                sb.append(' ').append(libc.version());
            }
        }
        if (macosVersion != null) {
            sb.append(", macOS ").append(macosVersion);
        }
        if (inVirtualEnvironment) {
            sb.append(", venv");
        }
        sb.append(") at ").append(executable != null ? executable : probedPath);
        return sb.toString();
    }
}
