package io.github.smvm.process;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What to run: an argument list (never a shell command line), optional working directory,
 * environment changes, a mandatory timeout and an output cap.
 *
 * <p>Environment changes are applied in this order: start from the parent's environment (or an
 * empty one when {@link #clearEnvironment()}), remove every variable whose name starts with one of
 * {@link #removeEnvironmentPrefixes()} (compared case-insensitively, as Windows does), remove the
 * variables named in {@link #removeEnvironment()}, then set {@link #setEnvironment()}.
 *
 * <p>Standard input of the child is closed (it reads end-of-file).
 */
public record ProcessSpec(
        List<String> command,
        Path workingDirectory,
        boolean clearEnvironment,
        Set<String> removeEnvironmentPrefixes,
        Set<String> removeEnvironment,
        Map<String, String> setEnvironment,
        Duration timeout,
        Duration killGracePeriod,
        int maxOutputBytes,
        Charset charset) {

    /** Default cap per stream: the first 8 MiB are kept, the rest is read and discarded. */
    public static final int DEFAULT_MAX_OUTPUT_BYTES = 8 * 1024 * 1024;

    /** Default time a process gets between the polite and the forcible kill. */
    public static final Duration DEFAULT_KILL_GRACE = Duration.ofSeconds(2);

    public ProcessSpec {
        Objects.requireNonNull(command, "command");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command must not be empty");
        }
        for (String arg : command) {
            Objects.requireNonNull(arg, "command arguments must not be null");
        }
        command = List.copyOf(command);
        removeEnvironmentPrefixes = Collections.unmodifiableSet(new LinkedHashSet<>(
                removeEnvironmentPrefixes == null ? Set.of() : removeEnvironmentPrefixes));
        removeEnvironment = Collections.unmodifiableSet(new LinkedHashSet<>(
                removeEnvironment == null ? Set.of() : removeEnvironment));
        setEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(
                setEnvironment == null ? Map.of() : setEnvironment));
        Objects.requireNonNull(timeout, "timeout is mandatory");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        killGracePeriod = killGracePeriod == null ? DEFAULT_KILL_GRACE : killGracePeriod;
        if (killGracePeriod.isNegative()) {
            throw new IllegalArgumentException("kill grace period must not be negative");
        }
        if (maxOutputBytes <= 0) {
            throw new IllegalArgumentException("maxOutputBytes must be positive: " + maxOutputBytes);
        }
        charset = charset == null ? StandardCharsets.UTF_8 : charset;
    }

    public Optional<Path> workingDirectoryIfSet() {
        return Optional.ofNullable(workingDirectory);
    }

    /** Starts a builder for the given argument list. */
    public static Builder builder(List<String> command) {
        return new Builder(command);
    }

    /** Starts a builder for the given arguments. */
    public static Builder builder(String... command) {
        return new Builder(List.of(command));
    }

    /** Mutable builder; {@link #timeout(Duration)} must be called. */
    public static final class Builder {
        private final List<String> command;
        private Path workingDirectory;
        private boolean clearEnvironment;
        private final Set<String> removePrefixes = new LinkedHashSet<>();
        private final Set<String> remove = new LinkedHashSet<>();
        private final Map<String, String> set = new LinkedHashMap<>();
        private Duration timeout;
        private Duration killGrace = DEFAULT_KILL_GRACE;
        private int maxOutputBytes = DEFAULT_MAX_OUTPUT_BYTES;
        private Charset charset = StandardCharsets.UTF_8;

        private Builder(List<String> command) {
            this.command = new ArrayList<>(command);
        }

        public Builder workingDirectory(Path dir) {
            this.workingDirectory = dir;
            return this;
        }

        /** Start the child from an empty environment instead of this process's one. */
        public Builder clearEnvironment(boolean clear) {
            this.clearEnvironment = clear;
            return this;
        }

        /** Remove every inherited variable whose name starts with {@code prefix} (case-insensitive). */
        public Builder removeEnvironmentPrefix(String prefix) {
            this.removePrefixes.add(Objects.requireNonNull(prefix));
            return this;
        }

        public Builder removeEnvironment(String name) {
            this.remove.add(Objects.requireNonNull(name));
            this.set.remove(name);
            return this;
        }

        public Builder environment(String name, String value) {
            this.set.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            this.remove.remove(name);
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder killGracePeriod(Duration grace) {
            this.killGrace = grace;
            return this;
        }

        public Builder maxOutputBytes(int max) {
            this.maxOutputBytes = max;
            return this;
        }

        public Builder charset(Charset charset) {
            this.charset = charset;
            return this;
        }

        public ProcessSpec build() {
            return new ProcessSpec(command, workingDirectory, clearEnvironment, removePrefixes, remove,
                    set, timeout, killGrace, maxOutputBytes, charset);
        }
    }
}
