package io.github.smvm.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One build's probe answers, shared by its goals and modules. */
class ProbeMemoryTest {

    @TempDir
    Path tmp;

    private final AtomicInteger probes = new AtomicInteger();

    private InterpreterProbe counting(PythonVersion version) {
        return path -> {
            probes.incrementAndGet();
            return FakeInfo.of(path, path, version);
        };
    }

    private Path interpreter(String name) throws Exception {
        Path path = tmp.resolve(name);
        Files.writeString(path, "#!/bin/sh\nexit 0\n");
        return path;
    }

    @Test
    void goalsSharingTheMemoryProbeAnInterpreterOnce() throws Exception {
        Path python = interpreter("python3.12");
        ProbeMemory build = new ProbeMemory();
        InterpreterInfo first = new CachingProbe(counting(PythonVersion.of(3, 12, 1)), build).probe(python);
        InterpreterInfo second = new CachingProbe(counting(PythonVersion.of(3, 12, 1)), build)
                .probe(tmp.resolve("./python3.12"));
        assertSame(first, second);
        assertEquals(1, probes.get());
        new CachingProbe(counting(PythonVersion.of(3, 12, 1))).probe(python); // a memory of its own
        assertEquals(2, probes.get());
    }

    @Test
    void anInterpreterWhoseFileChangedIsProbedAgain() throws Exception {
        Path python = interpreter("python3");
        ProbeMemory build = new ProbeMemory();
        assertEquals(PythonVersion.of(3, 11, 7),
                new CachingProbe(counting(PythonVersion.of(3, 11, 7)), build).probe(python).version());
        Files.setLastModifiedTime(python, FileTime.fromMillis(Files.getLastModifiedTime(python).toMillis() + 5000));
        assertEquals(PythonVersion.of(3, 11, 9),
                new CachingProbe(counting(PythonVersion.of(3, 11, 9)), build).probe(python).version());
        FileTime before = Files.getLastModifiedTime(python);
        Files.writeString(python, "#!/bin/sh\n# a longer file, same time\nexit 0\n");
        Files.setLastModifiedTime(python, before);
        new CachingProbe(counting(PythonVersion.of(3, 11, 9)), build).probe(python);
        assertEquals(3, probes.get());
    }

    @Test
    void aFailureIsRememberedLikeAnAnswer() throws Exception {
        Path shim = interpreter("python3.13");
        ProbeMemory build = new ProbeMemory();
        InterpreterProbe failing = path -> {
            probes.incrementAndGet();
            throw new ProbeException.ExitedNonZero(path, 127, "pyenv: python3.13: command not found\n", null);
        };
        ProbeException first = assertThrows(ProbeException.class, () -> new CachingProbe(failing, build).probe(shim));
        ProbeException again = assertThrows(ProbeException.class, () -> new CachingProbe(failing, build).probe(shim));
        assertSame(first, again);
        assertEquals(1, probes.get());
    }

    @Test
    void modulesProbingAtTheSameTimeWaitForOneProbe() throws Exception {
        Path python = interpreter("python3.12");
        ProbeMemory build = new ProbeMemory();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        InterpreterProbe slow = path -> {
            probes.incrementAndGet();
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeInfo.of(path, path, PythonVersion.of(3, 12, 1));
        };
        CompletableFuture<InterpreterInfo> a = CompletableFuture.supplyAsync(() -> probe(slow, build, python));
        inside.await(10, TimeUnit.SECONDS);
        CompletableFuture<InterpreterInfo> b = CompletableFuture.supplyAsync(() -> probe(slow, build, python));
        Thread.sleep(100); // b is waiting for a's answer, not probing itself
        release.countDown();
        assertEquals(List.of(a.get(10, TimeUnit.SECONDS)), List.of(b.get(10, TimeUnit.SECONDS)));
        assertEquals(1, probes.get());
    }

    @Test
    void aSlowProbeDoesNotHoldUpTheProbeOfAnotherInterpreter() throws Exception {
        // two paths in the same bin of the memory's map: a probe run under the map's lock would block the other
        Path first = interpreter("python-a0");
        Path second = null;
        for (int i = 1; second == null; i++) {
            Path candidate = tmp.resolve("python-a" + i).toAbsolutePath().normalize();
            if (bin(candidate) == bin(first.toAbsolutePath().normalize())) {
                second = interpreter(candidate.getFileName().toString());
            }
        }
        ProbeMemory build = new ProbeMemory();
        CountDownLatch otherProbed = new CountDownLatch(1);
        Path other = second;
        InterpreterProbe waitsForTheOther = path -> {
            if (path.equals(other)) {
                otherProbed.countDown();
            } else {
                try {
                    if (!otherProbed.await(10, TimeUnit.SECONDS)) {
                        throw new ProbeException.UnexpectedOutput(path, "", "the other probe never ran");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FakeInfo.of(path, path, PythonVersion.of(3, 12, 1));
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<InterpreterInfo> slow = threads.submit(() -> probe(waitsForTheOther, build, first));
            Thread.sleep(100); // the first probe is waiting
            Future<InterpreterInfo> quick = threads.submit(() -> probe(waitsForTheOther, build, other));
            assertEquals(other, quick.get(10, TimeUnit.SECONDS).executable());
            assertEquals(first, slow.get(10, TimeUnit.SECONDS).executable());
        } finally {
            threads.shutdownNow();
        }
    }

    /** Fails the first time as a probe whose thread is interrupted does (the flag set), then answers. */
    private InterpreterProbe interruptedOnceThen(PythonVersion version, CountDownLatch release) {
        return path -> {
            if (probes.incrementAndGet() == 1) {
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    // interrupted below in any case
                }
                Thread.currentThread().interrupt();
                throw ProbeException.TimedOut.interrupted(path, java.time.Duration.ofSeconds(30), null);
            }
            return FakeInfo.of(path, path, version);
        };
    }

    /** What a probe that its thread's interruption cuts short throws; the pool's thread is left uninterrupted. */
    private static Throwable interruptedProbe(InterpreterProbe probe, ProbeMemory memory, Path path) {
        try {
            return assertThrows(ProbeException.TimedOut.class, () -> new CachingProbe(probe, memory).probe(path));
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void anAnswerCutShortByAnInterruptionIsNotRemembered() throws Exception {
        // a module whose run stopped while probing (its thread interrupted) must not leave "interrupted" as
        // the interpreter's answer for the build's other modules and goals
        Path python = interpreter("python3.12");
        ProbeMemory build = new ProbeMemory();
        InterpreterProbe probe = interruptedOnceThen(PythonVersion.of(3, 12, 4), new CountDownLatch(0));
        CompletableFuture<Throwable> stopped = CompletableFuture.supplyAsync(() -> interruptedProbe(probe, build, python));
        assertEquals("probing " + python + " was interrupted and the interpreter was killed",
                stopped.get(10, TimeUnit.SECONDS).getMessage());
        assertEquals(PythonVersion.of(3, 12, 4), new CachingProbe(probe, build).probe(python).version());
        assertEquals(2, probes.get());
        new CachingProbe(probe, build).probe(python);
        assertEquals(2, probes.get(), "the answer is remembered");
    }

    @Test
    void aCallerWaitingForAnInterruptedProbeProbesItself() throws Exception {
        Path python = interpreter("python3.12");
        ProbeMemory build = new ProbeMemory();
        CountDownLatch release = new CountDownLatch(1);
        InterpreterProbe probe = interruptedOnceThen(PythonVersion.of(3, 12, 4), release);
        CompletableFuture<Throwable> a = CompletableFuture.supplyAsync(() -> interruptedProbe(probe, build, python));
        while (probes.get() == 0) {
            Thread.onSpinWait();
        }
        CompletableFuture<InterpreterInfo> b = CompletableFuture.supplyAsync(() -> probe(probe, build, python));
        Thread.sleep(100); // b is waiting for a's answer (had it not started yet, it would probe itself all the same)
        release.countDown();
        assertEquals(ProbeException.TimedOut.class, a.get(10, TimeUnit.SECONDS).getClass());
        assertEquals(PythonVersion.of(3, 12, 4), b.get(10, TimeUnit.SECONDS).version());
        assertEquals(2, probes.get());
    }

    /** The bin of a ConcurrentHashMap of the initial 16 bins that {@code key} falls in. */
    private static int bin(Path key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & 15;
    }

    private static InterpreterInfo probe(InterpreterProbe probe, ProbeMemory memory, Path path) {
        try {
            return new CachingProbe(probe, memory).probe(path);
        } catch (ProbeException e) {
            throw new IllegalStateException(e);
        }
    }
}
