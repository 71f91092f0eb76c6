package io.github.smvm.probe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@link Discovery} reads from the outside world. Only {@link DefaultDiscoveryContext}
 * touches {@code System.getenv} and the real machine; tests give it a fake environment.
 */
public interface DiscoveryContext {

    /** An environment variable; empty when unset or blank. */
    Optional<String> env(String name);

    /** The user's home directory. */
    Path homeDirectory();

    /** The directory relative paths are resolved against. */
    Path workingDirectory();

    /** {@code os.name} style name, e.g. {@code Linux}, {@code Mac OS X}, {@code Windows 11}. */
    String osName();

    default boolean isWindows() {
        return osName().toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    /**
     * The directory under which the fixed Unix locations ({@code /usr/bin}, {@code /usr/local/bin},
     * {@code /opt/homebrew/bin}) are looked up: {@code /} on a real machine.
     */
    default Path systemRoot() {
        return Path.of("/");
    }

    boolean isDirectory(Path path);

    /** A regular file (after following links) that may be executed. */
    boolean isExecutableFile(Path path);

    boolean exists(Path path);

    /** Entries of a directory, sorted by name; empty when it is not a readable directory. */
    List<Path> list(Path dir);

    /** {@code toRealPath()}, empty when the path cannot be resolved. */
    Optional<Path> realPath(Path path);

    /**
     * Runs a helper command (the Windows {@code py} launcher, {@code reg query}) and returns its
     * stdout, or empty when it could not run or failed.
     */
    Optional<String> commandOutput(List<String> command, Duration timeout);
}
