package io.github.smvm.fallback;

import io.github.smvm.process.ProcessRunner;
import io.github.smvm.venv.PipSettings;
import io.github.smvm.venv.VenvLayout;
import io.github.smvm.venv.VenvSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One run of the fallback goal's library ({@link FallbackRun} over {@link VenvSync}) in its own JVM, for
 * {@link FallbackKillLoopTest}: real interpreters, real {@code venv} and real {@code pip} installing from
 * a find-links directory, no Maven. Prints {@code STAGE <stage> <wall-clock microseconds>} as each stage is reached, {@code WAITING}
 * when another build holds the lock, {@code RECORDED} once the records are written and {@code FINISHED
 * <event>} at the end.
 *
 * <p>Arguments: project directory (holds {@code .smvm_config}, {@code .smvm/} and {@code requirements.lock}),
 * venv, find-links directory, requirements file, {@code wheel_status} of the assessment
 * ({@code primary_healthy} selects the primary, {@code fallback_available} the fallback), primary
 * executable, primary version, fallback executable, fallback version, keepBackups.
 */
public final class FallbackChild {

    private FallbackChild() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        Path venv = Path.of(args[1]);
        Path findLinks = Path.of(args[2]);
        Path requirements = Path.of(args[3]);
        String status = args[4];
        boolean primary = status.equals("primary_healthy");
        AssessmentSummary assessment = new AssessmentSummary(Instant.now(), status, primary ? "primary" : "fallback",
                primary ? null : "missing_wheels_primary", new AssessmentSummary.Interpreter(args[5], args[6]),
                new AssessmentSummary.Interpreter(args[7], args[8]), List.of());
        int keepBackups = Integer.parseInt(args[9]);
        PipSettings pip = new PipSettings(List.of(requirements), List.of(), List.of(), null, List.of(),
                List.of(findLinks.toString()), true, true, false, false);
        VenvSync sync = new VenvSync(ProcessRunner.system(), VenvLayout.POSIX, Clock.systemUTC(),
                (stage, detail) -> System.out.println("STAGE " + stage + " " + micros()));
        FallbackRun run = new FallbackRun(sync, VenvLayout.POSIX, new FallbackRecords(project.resolve(".smvm_config"),
                project.resolve(".smvm").resolve("wheel-fallback.log")), Clock.systemUTC());
        String digest = FallbackRun.digest(Files.readAllLines(requirements), pip, List.of());
        FallbackRun.Outcome outcome = run.run(assessment, pip, digest, new FallbackRun.Options(venv, false, true,
                List.of(), keepBackups, project.resolve("requirements.lock"), VenvSync.Timeouts.defaults()),
                message -> System.out.println("WAITING " + message));
        System.out.println("RECORDED");
        System.out.println("FINISHED " + outcome.event());
    }

    /** Wall-clock microseconds, comparable between the children of one machine. */
    private static long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
