package io.github.smvm.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

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

        // equals and hashCode written out: see Tag.equals
        @Override
        public boolean equals(Object o) {
            return o == this || o instanceof FileIdentity f && size == f.size && modified == f.modified
                    && real.equals(f.real);
        }

        @Override
        public int hashCode() {
            return (real.hashCode() * 31 + Long.hashCode(size)) * 31 + Long.hashCode(modified);
        }
    }

    /** A probe's answer: the facts, or why there are none. */
    record Outcome(InterpreterInfo info, ProbeException failure) {
    }

    /** An answer for a file, being worked out or known. */
    private record Entry(FileIdentity identity, FutureTask<Outcome> answer) {
    }

    /** How a path is probed when its answer is not remembered. */
    @FunctionalInterface
    interface Probing {
        InterpreterInfo probe() throws ProbeException;
    }

    private final ConcurrentHashMap<Path, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The remembered answer for {@code path} while its file is unchanged, else {@code probing}'s, remembered.
     * The probe runs outside the map's lock (it starts a process that may take seconds), so that probes of
     * other paths never wait for it; callers for the same path wait for its answer. A probe cut short because
     * its thread was interrupted (that caller's run is stopping) answers that caller only: it is not
     * remembered, and a caller that was waiting for it probes again.
     */
    Outcome outcome(Path path, Probing probing) {
        Objects.requireNonNull(probing, "probing");
        Path key = path.toAbsolutePath().normalize();
        while (true) {
            FileIdentity identity = FileIdentity.of(key);
            Entry[] made = new Entry[1];
            Entry entry = entries.compute(key, (k, earlier) -> {
                if (earlier != null && identity != null && identity.equals(earlier.identity())) {
                    return earlier;
                }
                made[0] = new Entry(identity, new FutureTask<>(() -> answer(key, made[0], probing)));
                return made[0];
            });
            if (entry == made[0]) {
                entry.answer().run();
            }
            Outcome outcome = await(key, entry);
            if (entry != made[0] && outcome.failure() != null && entries.get(key) != entry
                    && !Thread.currentThread().isInterrupted()) {
                continue; // the answer waited for was cut short by its caller's interruption, or is outdated
            }
            return outcome;
        }
    }

    private Outcome answer(Path key, Entry entry, Probing probing) {
        try {
            return new Outcome(probing.probe(), null);
        } catch (ProbeException e) {
            if (Thread.currentThread().isInterrupted()) {
                entries.remove(key, entry); // before the waiting callers see the answer
            }
            return new Outcome(null, e);
        }
    }

    /** The entry's answer, waited for however often the thread is interrupted (the probe has its own timeout). */
    private Outcome await(Path key, Entry entry) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return entry.answer().get();
                } catch (InterruptedException e) {
                    interrupted = true; // the answer is on its way: wait for it
                } catch (ExecutionException e) {
                    // not an answer (a bug or an Error in probing): forget it, so that a later call probes again
                    entries.remove(key, entry);
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
