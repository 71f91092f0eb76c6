package io.github.smvm.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@link ProcessRunner} on {@link ProcessBuilder}.
 *
 * <p>Both output streams are drained on their own daemon threads while the caller waits, so a child
 * that writes megabytes to either stream never blocks on a full pipe. Only the first
 * {@link ProcessSpec#maxOutputBytes()} of each stream are kept; the rest is read and dropped.
 *
 * <p>On timeout the whole process tree is killed: the descendants (snapshot taken before the
 * parent dies, since orphans are re-parented) and the process get a polite destroy, then after the
 * grace period whatever is still alive is destroyed forcibly; the direct child is then waited for
 * so it does not remain a zombie.
 *
 * <p>A run owns every process it starts, also those its child left behind when it exited: each child
 * gets {@value #TREE_VARIABLE} in its environment (a new value per run, inherited by its descendants),
 * and when the run ends, normally or not, every process still carrying that value is killed the same
 * way. This finds descendants re-parented away from the child, which {@link Process#descendants()}
 * no longer shows; it reads {@code /proc}, so on systems without it only the descendants the child
 * still had at the kill are found.
 */
public final class DefaultProcessRunner implements ProcessRunner {

    /** Upper bound for waiting on a killed process and on the stream readers after the kill. */
    private static final Duration AFTER_KILL_WAIT = Duration.ofSeconds(10);

    /** The environment variable that marks a run's processes. */
    static final String TREE_VARIABLE = "SMVM_PROCESS_TREE";

    @Override
    public ProcessResult run(ProcessSpec spec)
            throws ProcessStartException, ProcessTimeoutException, ProcessInterruptedException {
        List<String> command = spec.command();
        ProcessBuilder pb = new ProcessBuilder(command);
        spec.workingDirectoryIfSet().ifPresent(dir -> pb.directory(dir.toFile()));
        applyEnvironment(pb.environment(), spec);
        String tree = UUID.randomUUID().toString();
        pb.environment().put(TREE_VARIABLE, tree);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);

        long startNanos = System.nanoTime();
        Process process;
        try {
            process = pb.start();
        } catch (IOException | RuntimeException e) {
            throw new ProcessStartException(command, e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the child may already be gone; it then simply has no stdin
        }
        StreamCollector out = new StreamCollector(process.getInputStream(), spec.maxOutputBytes(),
                "smvm-stdout-" + process.pid());
        StreamCollector err = new StreamCollector(process.getErrorStream(), spec.maxOutputBytes(),
                "smvm-stderr-" + process.pid());
        out.start();
        err.start();

        long deadline = startNanos + spec.timeout().toNanos();
        boolean exited;
        try {
            exited = process.waitFor(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            killTree(process, tree, spec.killGracePeriod());
            Thread.currentThread().interrupt();
            throw new ProcessInterruptedException(command, e);
        }
        if (!exited) {
            killTree(process, tree, spec.killGracePeriod());
            joinQuietly(out, AFTER_KILL_WAIT);
            joinQuietly(err, AFTER_KILL_WAIT);
            throw new ProcessTimeoutException(command, spec.timeout(),
                    out.text(spec), err.text(spec));
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - startNanos);
        // The child exited. Its streams reach EOF unless a background grandchild still holds them;
        // such a grandchild gets what is left of the timeout, then the run counts as timed out.
        try {
            long remaining = Math.max(TimeUnit.MILLISECONDS.toNanos(200), deadline - System.nanoTime());
            out.join(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
            remaining = Math.max(TimeUnit.MILLISECONDS.toNanos(200), deadline - System.nanoTime());
            err.join(TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
        } catch (InterruptedException e) {
            killLeftovers(tree, spec.killGracePeriod());
            Thread.currentThread().interrupt();
            throw new ProcessInterruptedException(command, e);
        }
        boolean held = out.isAlive() || err.isAlive();
        // whatever the child started and left running is killed, also the holder of a stream
        killLeftovers(tree, spec.killGracePeriod());
        if (held) {
            joinQuietly(out, Duration.ofMillis(200));
            joinQuietly(err, Duration.ofMillis(200));
            throw new ProcessTimeoutException(command, spec.timeout(), out.text(spec), err.text(spec));
        }
        return new ProcessResult(command, process.exitValue(), out.text(spec), err.text(spec),
                out.truncated(), err.truncated(), duration);
    }

    static void applyEnvironment(Map<String, String> env, ProcessSpec spec) {
        if (spec.clearEnvironment()) {
            env.clear();
        }
        if (!spec.removeEnvironmentPrefixes().isEmpty()) {
            Iterator<String> it = env.keySet().iterator();
            while (it.hasNext()) {
                String name = it.next().toUpperCase(Locale.ROOT);
                for (String prefix : spec.removeEnvironmentPrefixes()) {
                    if (name.startsWith(prefix.toUpperCase(Locale.ROOT))) {
                        it.remove();
                        break;
                    }
                }
            }
        }
        for (String name : spec.removeEnvironment()) {
            env.remove(name);
        }
        env.putAll(spec.setEnvironment());
    }

    /**
     * Kills {@code process} and all its descendants: polite first, forcibly after {@code grace},
     * then waits for the direct child (bounded) so the JVM reaps it.
     */
    static void killTree(Process process, String marker, Duration grace) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        for (ProcessHandle h : carrying(marker)) {
            if (h.pid() != process.pid() && !tree.contains(h)) {
                tree.add(h);
            }
        }
        for (ProcessHandle child : tree) {
            child.destroy();
        }
        process.destroy();
        long graceDeadline = System.nanoTime() + grace.toNanos();
        boolean interrupted = false;
        try {
            if (!process.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS)) {
                // keep collecting: a child may have forked while we were killing
                process.descendants().forEach(h -> {
                    if (!tree.contains(h)) {
                        tree.add(h);
                    }
                });
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        for (ProcessHandle child : tree) {
            waitUntil(child, graceDeadline);
        }
        for (ProcessHandle child : tree) {
            if (child.isAlive()) {
                child.destroyForcibly();
            }
        }
        if (process.isAlive()) {
            process.destroyForcibly();
        }
        try {
            process.waitFor(AFTER_KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        long reapDeadline = System.nanoTime() + AFTER_KILL_WAIT.toNanos();
        for (ProcessHandle child : tree) {
            waitUntil(child, reapDeadline);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills, politely then forcibly after {@code grace}, every live process carrying the run's marker. */
    static void killLeftovers(String marker, Duration grace) {
        List<ProcessHandle> left = carrying(marker);
        if (left.isEmpty()) {
            return;
        }
        left.forEach(ProcessHandle::destroy);
        long graceDeadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle h : left) {
            waitUntil(h, graceDeadline);
        }
        for (ProcessHandle h : left) {
            if (h.isAlive()) {
                h.destroyForcibly();
            }
        }
        long reapDeadline = System.nanoTime() + AFTER_KILL_WAIT.toNanos();
        for (ProcessHandle h : left) {
            waitUntil(h, reapDeadline);
        }
    }

    /**
     * The live processes whose environment holds {@code TREE_VARIABLE=marker}, read from
     * {@code /proc/<pid>/environ}; none where there is no {@code /proc} or it cannot be read.
     */
    static List<ProcessHandle> carrying(String marker) {
        Path proc = Path.of("/proc");
        List<ProcessHandle> found = new ArrayList<>();
        if (!Files.isDirectory(proc)) {
            return found;
        }
        byte[] entry = (TREE_VARIABLE + "=" + marker).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (name.isEmpty() || !name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(name);
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == self) {
                    continue;
                }
                byte[] environ;
                try {
                    environ = Files.readAllBytes(dir.resolve("environ"));
                } catch (IOException | SecurityException e) {
                    continue; // gone meanwhile, or not ours to read
                }
                if (hasEntry(environ, entry)) {
                    ProcessHandle.of(pid).filter(ProcessHandle::isAlive).ifPresent(found::add);
                }
            }
        } catch (IOException | SecurityException | java.io.UncheckedIOException e) {
            // /proc unreadable: only the descendants still attached are found
        }
        return found;
    }

    /** Whether the NUL-separated {@code environ} has exactly {@code entry} as one of its entries. */
    static boolean hasEntry(byte[] environ, byte[] entry) {
        int start = 0;
        while (start < environ.length) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (end - start == entry.length && java.util.Arrays.equals(environ, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    private static void waitUntil(ProcessHandle handle, long deadlineNanos) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0 || !handle.isAlive()) {
            return;
        }
        try {
            handle.onExit().get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // timed out or failed: the forcible kill follows
        }
    }

    private static void joinQuietly(Thread t, Duration max) {
        try {
            t.join(max.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Reads a stream to its end, keeping only the first {@code max} bytes. */
    private static final class StreamCollector extends Thread {
        private final InputStream in;
        private final int max;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean truncated;

        StreamCollector(InputStream in, int max, String name) {
            super(name);
            this.in = in;
            this.max = max;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buf = new byte[64 * 1024];
            try (InputStream stream = in) {
                int n;
                while ((n = stream.read(buf)) >= 0) {
                    synchronized (this) {
                        int room = max - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(room, n));
                        }
                        if (n > room) {
                            truncated = true;
                        }
                    }
                }
            } catch (IOException e) {
                // stream closed under us (process killed): keep what we have
            }
        }

        synchronized String text(ProcessSpec spec) {
            return kept.toString(spec.charset());
        }

        synchronized boolean truncated() {
            return truncated;
        }
    }
}
