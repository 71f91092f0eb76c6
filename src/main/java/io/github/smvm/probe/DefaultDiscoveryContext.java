package io.github.smvm.probe;

import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The real {@link DiscoveryContext}: the real file system and helper processes, with the
 * environment, home directory and OS name either taken from this JVM ({@link #system()}) or given
 * (for tests on real temporary files).
 */
public final class DefaultDiscoveryContext implements DiscoveryContext {

    private final Map<String, String> env;
    private final Path home;
    private final Path cwd;
    private final String osName;
    private final ProcessRunner runner;
    private final Path systemRoot;

    public DefaultDiscoveryContext(Map<String, String> env, Path home, Path cwd, String osName,
            ProcessRunner runner) {
        this(env, home, cwd, osName, runner, Path.of("/"));
    }

    /**
     * @param systemRoot where {@code /usr/bin} and friends are looked up (tests pass a temporary
     *     directory)
     */
    public DefaultDiscoveryContext(Map<String, String> env, Path home, Path cwd, String osName,
            ProcessRunner runner, Path systemRoot) {
        this.systemRoot = Objects.requireNonNull(systemRoot, "systemRoot");
        this.env = Map.copyOf(env);
        this.home = Objects.requireNonNull(home, "home");
        this.cwd = Objects.requireNonNull(cwd, "cwd");
        this.osName = Objects.requireNonNull(osName, "osName");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** This JVM's environment, {@code user.home}, {@code user.dir} and {@code os.name}. */
    public static DefaultDiscoveryContext system() {
        return new DefaultDiscoveryContext(System.getenv(), Path.of(System.getProperty("user.home")),
                Path.of(System.getProperty("user.dir")), System.getProperty("os.name"),
                ProcessRunner.system());
    }

    @Override
    public Optional<String> env(String name) {
        String v = env.get(name);
        if (v == null && isWindows()) {
            // Windows variable names are case-insensitive
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    v = e.getValue();
                    break;
                }
            }
        }
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v);
    }

    @Override
    public Path systemRoot() {
        return systemRoot;
    }

    @Override
    public Path homeDirectory() {
        return home;
    }

    @Override
    public Path workingDirectory() {
        return cwd;
    }

    @Override
    public String osName() {
        return osName;
    }

    @Override
    public boolean isDirectory(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().collect(Collectors.toList());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    @Override
    public Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> commandOutput(List<String> command, Duration timeout) {
        try {
            ProcessResult r = runner.run(ProcessSpec.builder(command).timeout(timeout)
                    .removeEnvironmentPrefix("PYTHON").removeEnvironmentPrefix("PIP_").build());
            return r.exitCode() == 0 ? Optional.of(r.stdout()) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
