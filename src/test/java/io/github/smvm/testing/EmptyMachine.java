package io.github.smvm.testing;

import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.DiscoveryContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A machine with no Python at all: discovery finds nothing and never probes, so an assessment checks
 * only its virtual targets and reports the interpreters as unavailable.
 */
public final class EmptyMachine implements DiscoveryContext {

    private final Path dir;

    private EmptyMachine(Path dir) {
        this.dir = dir;
    }

    /** A discovery over an empty machine whose home and working directory are {@code dir}. */
    public static Discovery discovery(Path dir) {
        return new Discovery(new EmptyMachine(dir), executable -> {
            throw new AssertionError("nothing to probe, but asked to probe " + executable);
        });
    }

    @Override
    public Optional<String> env(String name) {
        return Optional.empty();
    }

    @Override
    public Path homeDirectory() {
        return dir;
    }

    @Override
    public Path workingDirectory() {
        return dir;
    }

    @Override
    public String osName() {
        return "Linux";
    }

    @Override
    public Path systemRoot() {
        return dir.resolve("no-root");
    }

    @Override
    public boolean isDirectory(Path path) {
        return false;
    }

    @Override
    public boolean isExecutableFile(Path path) {
        return false;
    }

    @Override
    public boolean exists(Path path) {
        return false;
    }

    @Override
    public List<Path> list(Path directory) {
        return List.of();
    }

    @Override
    public Optional<Path> realPath(Path path) {
        return Optional.empty();
    }

    @Override
    public Optional<String> commandOutput(List<String> command, Duration timeout) {
        return Optional.empty();
    }
}
