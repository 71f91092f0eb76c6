package io.github.smvm.venv;

import io.github.smvm.process.ProcessRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Runs one sync in its own JVM for {@link VenvSyncRealTest}, printing each stage, and stops at the named
 * stage (before its work) until it is killed.
 *
 * <p>Arguments: venv, interpreter, version, index URL, requirements file, inputs digest, stage to stop at.
 */
public final class SyncChild {

    private SyncChild() {
    }

    public static void main(String[] args) throws Exception {
        Path venv = Path.of(args[0]);
        String stopAt = args[6];
        VenvSync sync = new VenvSync(ProcessRunner.system(), VenvLayout.POSIX, Clock.systemUTC(), (stage, detail) -> {
            System.out.println("STAGE " + stage);
            if (stage.name().equals(stopAt)) {
                System.out.println("PAUSED " + stage);
                System.out.flush();
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        PipSettings pip = new PipSettings(List.of(Path.of(args[4])), List.of(), List.of(), args[3], List.of(),
                List.of(), false, true, false, false);
        sync.sync(new VenvSync.Request(venv, Path.of(args[1]), args[2], args[5], pip, List.of(), 5,
                venv.resolveSibling("requirements.lock"), VenvSync.Timeouts.defaults()), System.out::println);
        System.out.println("FINISHED");
    }
}
