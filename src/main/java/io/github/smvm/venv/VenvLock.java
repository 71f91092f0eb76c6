package io.github.smvm.venv;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Exclusive access to one virtual environment for the whole build-and-swap sequence, across
 * processes (an operating-system lock on a file beside the environment, released by the OS when the
 * holder dies, so a killed build never leaves a stale lock) and across threads of one JVM (a
 * parallel reactor runs several modules in one JVM; OS file locks are per process).
 *
 * <p>The in-JVM locks are held in one process-wide map: that state is process-wide by nature,
 * exactly like the OS locks it mirrors, and it holds one small lock object per environment path.
 */
public final class VenvLock implements AutoCloseable {

    private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 100;

    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;
    private final Path file;

    private VenvLock(ReentrantLock threadLock, FileChannel channel, FileLock fileLock, Path file) {
        this.threadLock = threadLock;
        this.channel = channel;
        this.fileLock = fileLock;
        this.file = file;
    }

    /** The lock file of an environment: a sibling named {@code <venv>.smvm.lock}. */
    public static Path lockFile(Path venv) {
        Path absolute = venv.toAbsolutePath().normalize();
        return absolute.resolveSibling(absolute.getFileName() + ".smvm.lock");
    }

    /**
     * Takes the lock, waiting at most {@code timeout}.
     *
     * @param waiting told once, with the lock file, when another build holds the lock
     * @throws VenvException when the lock cannot be had in time, or the lock file cannot be opened
     */
    public static VenvLock acquire(Path venv, Duration timeout, Consumer<String> waiting) {
        Path file = lockFile(venv);
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean told = false;
        ReentrantLock threadLock = IN_PROCESS.computeIfAbsent(file, k -> new ReentrantLock());
        try {
            if (!threadLock.tryLock()) {
                waiting.accept("another build in this JVM is working on " + venv + "; waiting for " + file);
                told = true;
                if (!threadLock.tryLock(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw timedOut(venv, file, timeout);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenvException(VenvException.Step.LOCK, "interrupted while waiting for " + file, null, e);
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(file.getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null; // held through another class loader of this JVM: wait as for another process
                }
                if (lock != null) {
                    return new VenvLock(threadLock, channel, lock, file);
                }
                if (!told) {
                    waiting.accept("another build holds the lock on " + venv + "; waiting for " + file);
                    told = true;
                }
                if (System.nanoTime() > deadline) {
                    throw timedOut(venv, file, timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            close(channel);
            threadLock.unlock();
            throw new VenvException(VenvException.Step.LOCK, "cannot lock " + file + ": " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            close(channel);
            threadLock.unlock();
            Thread.currentThread().interrupt();
            throw new VenvException(VenvException.Step.LOCK, "interrupted while waiting for " + file, null, e);
        } catch (RuntimeException e) {
            close(channel);
            threadLock.unlock();
            throw e;
        }
    }

    private static VenvException timedOut(Path venv, Path file, Duration timeout) {
        return new VenvException(VenvException.Step.LOCK, "another build held the lock on " + venv + " (" + file
                + ") for more than " + timeout.toSeconds() + " s", null, null);
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the lock, if any, goes with the channel
            }
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // released with the channel below
        } finally {
            close(channel);
            threadLock.unlock();
        }
    }
}
