package io.github.smvm.vendor;

import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import io.github.smvm.process.ProcessStartException;
import io.github.smvm.process.ProcessTimeoutException;
import io.github.smvm.process.ProcessInterruptedException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of the machine this build runs on: the operating system and architecture from the Java
 * runtime, the distribution from {@code os-release}, the C library from {@code ldd --version}, and
 * the compilers found on {@code PATH} with the first line of their version output. Tools run as
 * argument lists with a timeout, never through a shell; a tool that is missing or does not answer is
 * a fact, not an error.
 */
public final class SystemHostFacts implements HostFactsSource {

    /** How long one tool ({@code gcc --version}, {@code ldd --version}) may take. */
    public static final Duration TOOL_TIMEOUT = Duration.ofSeconds(10);

    private static final Pattern MUSL_VERSION = Pattern.compile("(?im)^\\s*Version\\s+(\\d+\\.\\d+(?:\\.\\d+)?)");
    private static final Pattern TRAILING_VERSION = Pattern.compile("(\\d+\\.\\d+)\\s*$");

    private final ProcessRunner runner;
    private final Map<String, String> environment;
    private final String osName;
    private final String osVersion;
    private final String osArch;
    private final List<Path> osReleaseFiles;
    private final Duration timeout;

    /**
     * @param environment the environment variables ({@code PATH}, {@code PATHEXT} are read)
     * @param osName {@code os.name}
     * @param osVersion {@code os.version}
     * @param osArch {@code os.arch}
     * @param osReleaseFiles the os-release files in the order of precedence; the first that exists is read
     */
    public SystemHostFacts(ProcessRunner runner, Map<String, String> environment, String osName, String osVersion,
            String osArch, List<Path> osReleaseFiles, Duration timeout) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.environment = Map.copyOf(environment);
        this.osName = Objects.requireNonNull(osName, "osName");
        this.osVersion = osVersion;
        this.osArch = Objects.requireNonNull(osArch, "osArch");
        this.osReleaseFiles = List.copyOf(osReleaseFiles);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** This machine. */
    public static SystemHostFacts system(ProcessRunner runner) {
        return new SystemHostFacts(runner, System.getenv(), System.getProperty("os.name"),
                System.getProperty("os.version"), System.getProperty("os.arch"),
                List.of(Path.of("/etc/os-release"), Path.of("/usr/lib/os-release")), TOOL_TIMEOUT);
    }

    @Override
    public HostFacts gather() {
        List<HostFacts.BuildTool> tools = new ArrayList<>();
        for (String tool : List.of("gcc", "clang", "cl.exe")) {
            tools.add(buildTool(tool));
        }
        return new HostFacts(osName, osVersion, windows() ? null : osRelease(), architecture(osName, osArch), osArch,
                libc(), tools);
    }

    private boolean windows() {
        return osName.toLowerCase(Locale.ROOT).startsWith("windows");
    }

    private OsRelease osRelease() {
        for (Path file : osReleaseFiles) {
            if (Files.isRegularFile(file)) {
                try {
                    return OsRelease.parse(Files.readString(file));
                } catch (IOException | RuntimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** {@code os.arch} in the words of {@code uname -m} (and of Python's {@code platform.machine()}). */
    static String architecture(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        boolean x64 = arch.equals("amd64") || arch.equals("x86_64") || arch.equals("x86-64");
        boolean x86 = arch.equals("x86") || arch.matches("i[3-6]86");
        boolean arm64 = arch.equals("aarch64") || arch.equals("arm64");
        if (os.startsWith("windows")) {
            return x64 ? "AMD64" : x86 ? "x86" : arm64 ? "ARM64" : osArch;
        }
        if (os.startsWith("mac") || os.startsWith("darwin")) {
            return x64 ? "x86_64" : arm64 ? "arm64" : osArch;
        }
        return x64 ? "x86_64" : x86 ? "i686" : arm64 ? "aarch64" : osArch;
    }

    private HostFacts.Libc libc() {
        if (!osName.equalsIgnoreCase("Linux")) {
            return new HostFacts.Libc(null, null, "not Linux: no glibc or musl");
        }
        Optional<Path> ldd = onPath("ldd");
        if (ldd.isEmpty()) {
            return new HostFacts.Libc(null, null, "ldd is not on PATH");
        }
        List<String> command = List.of(ldd.get().toString(), "--version");
        try {
            ProcessResult result = runner.run(ProcessSpec.builder(command).timeout(timeout)
                    .maxOutputBytes(64 * 1024).build());
            HostFacts.Libc libc = parseLdd(result.stdout(), result.stderr());
            return libc != null ? libc
                    : new HostFacts.Libc(null, null, "ldd --version named neither glibc nor musl");
        } catch (ProcessStartException | ProcessTimeoutException e) {
            return new HostFacts.Libc(null, null, "ldd --version: " + e.getMessage());
        } catch (ProcessInterruptedException e) {
            return new HostFacts.Libc(null, null, "ldd --version was interrupted");
        }
    }

    /** The C library named by the output of {@code ldd --version}, or {@code null}. */
    static HostFacts.Libc parseLdd(String stdout, String stderr) {
        String all = stdout + "\n" + stderr;
        if (all.toLowerCase(Locale.ROOT).contains("musl")) {
            Matcher m = MUSL_VERSION.matcher(all);
            return new HostFacts.Libc("musl", m.find() ? m.group(1) : null, "ldd --version");
        }
        String first = firstLine(stdout);
        if (first != null && first.toLowerCase(Locale.ROOT).matches(".*(glibc|gnu libc|gnu c library).*")) {
            Matcher m = TRAILING_VERSION.matcher(first);
            return new HostFacts.Libc("glibc", m.find() ? m.group(1) : null, "ldd --version");
        }
        return null;
    }

    private HostFacts.BuildTool buildTool(String name) {
        Optional<Path> path = onPath(name.endsWith(".exe") ? name.substring(0, name.length() - 4) : name);
        if (path.isEmpty()) {
            return new HostFacts.BuildTool(name, null, null, null);
        }
        // cl.exe prints its banner (with the version) when run without arguments; gcc and clang need --version
        List<String> command = name.equals("cl.exe") ? List.of(path.get().toString())
                : List.of(path.get().toString(), "--version");
        try {
            ProcessResult result = runner.run(ProcessSpec.builder(command).timeout(timeout)
                    .maxOutputBytes(64 * 1024).build());
            String line = firstLine(result.stdout());
            if (line == null) {
                line = firstLine(result.stderr());
            }
            if (line == null) {
                return new HostFacts.BuildTool(name, path.get().toString(), null,
                        ProcessResult.quote(command) + " printed nothing (exit code " + result.exitCode() + ")");
            }
            return new HostFacts.BuildTool(name, path.get().toString(), line, null);
        } catch (ProcessTimeoutException e) {
            return new HostFacts.BuildTool(name, path.get().toString(), null,
                    ProcessResult.quote(command) + " did not answer within " + timeout.toSeconds() + " s");
        } catch (ProcessStartException e) {
            return new HostFacts.BuildTool(name, path.get().toString(), null, e.getMessage());
        } catch (ProcessInterruptedException e) {
            return new HostFacts.BuildTool(name, path.get().toString(), null, "interrupted");
        }
    }

    /** The first executable of that name in a {@code PATH} directory (with {@code PATHEXT} on Windows). */
    Optional<Path> onPath(String command) {
        String path = environment.getOrDefault("PATH", environment.getOrDefault("Path", ""));
        List<String> names = new ArrayList<>();
        if (windows()) {
            String pathExt = environment.getOrDefault("PATHEXT", ".COM;.EXE;.BAT;.CMD");
            for (String ext : pathExt.split(";")) {
                if (!ext.isBlank()) {
                    names.add(command + ext.strip().toLowerCase(Locale.ROOT));
                }
            }
        } else {
            names.add(command);
        }
        for (String entry : path.split(windows() ? ";" : ":")) {
            if (entry.isBlank()) {
                continue;
            }
            for (String name : names) {
                try {
                    Path candidate = Path.of(entry).resolve(name);
                    if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                        return Optional.of(candidate);
                    }
                } catch (InvalidPathException e) {
                    // a PATH entry that is not a path: nothing there
                }
            }
        }
        return Optional.empty();
    }

    private static String firstLine(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank()) {
                return line.strip();
            }
        }
        return null;
    }
}
