package io.github.smvm.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What probing each path gave, remembered for one build so that its goals and modules (also those a
 * {@code -T} reactor runs at the same time) probe an interpreter once. Each answer is kept with the
 * identity of the file it came from (real path, size, modification time) and given again only while
 * that file is unchanged, so that an interpreter replaced during the build is probed again.
 * Safe for concurrent use; a path being probed makes later callers for it wait for that answer.
 */
public final class ProbeMemory {

    /** The file a path leads to, as far as telling a replaced interpreter goes. */
    record FileIdentity(Path real, long size, long modified) {

        /** The identity of {@code path}'s file, or {@code null} when it cannot be read (then nothing is reused). */
        static FileIdentity of(Path path) {
            try {
                Path real = path.toRealPath();
                return new FileIdentity(real, Files.size(real), Files.getLastModifiedTime(real).toMillis());
            } catch (IOException | SecurityException e) {
                return null;
            }
        }
    }

    /** A probe's answer: the facts, or why there are none. */
    record Outcome(InterpreterInfo info, ProbeException failure) {
    }

    private record Entry(FileIdentity identity, Outcome outcome) {
    }

    /** How a path is probed when its answer is not remembered. */
    @FunctionalInterface
    interface Probing {
        InterpreterInfo probe() throws ProbeException;
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    /** The remembered answer for {@code path} while its file is unchanged, else {@code probing}'s, remembered. */
    Outcome outcome(Path path, Probing probing) {
        Objects.requireNonNull(probing, "probing");
        Path key = path.toAbsolutePath().normalize();
        FileIdentity identity = FileIdentity.of(key);
        return entries.compute(key, (k, earlier) -> {
            if (earlier != null && identity != null && identity.equals(earlier.identity())) {
                return earlier;
            }
            try {
                return new Entry(identity, new Outcome(probing.probe(), null));
            } catch (ProbeException e) {
                return new Entry(identity, new Outcome(null, e));
            }
        }).outcome();
    }
}
