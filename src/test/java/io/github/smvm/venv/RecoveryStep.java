package io.github.smvm.venv;

import io.github.smvm.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * For tests of other packages: what the next run does first, under the environment's lock, and no more
 * (the same code {@link VenvSync#sync} runs before it looks at the environment).
 */
public final class RecoveryStep {

    private RecoveryStep() {
    }

    /** Recovers what a killed run left at {@code venv}; returns what recovery did, or {@code null}. */
    public static String run(Path venv, int keepBackups) {
        VenvSync sync = new VenvSync(ProcessRunner.system(), VenvLayout.POSIX, Clock.systemUTC(), (stage, detail) -> { });
        Path absolute = venv.toAbsolutePath().normalize();
        try (VenvLock lock = VenvLock.acquire(absolute, Duration.ofMinutes(1), message -> { })) {
            return sync.recoverAtStart(absolute, keepBackups);
        }
    }

    /** The swap journal of {@code venv}: present only while a swap is in progress (or was killed in it). */
    public static Path journal(Path venv) {
        return VenvSync.journal(venv.toAbsolutePath().normalize());
    }
}
