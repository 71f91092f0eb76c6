package io.github.smvm.venv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.process.ProcessRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file operations of the sync, on plain directories: recovery of killed runs, pruning, relocation. */
class VenvSyncFilesTest {

    @TempDir
    Path temp;

    private final VenvSync sync = new VenvSync(ProcessRunner.system(), VenvLayout.POSIX, Clock.systemUTC(),
            (stage, detail) -> { });

    private Path dir(String name, String marker) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name));
        Files.writeString(dir.resolve("marker"), marker);
        return dir;
    }

    @Test
    void recoveryCompletesASwapKilledBetweenItsRenamesWhenTheNewEnvironmentIsComplete() throws IOException {
        Path venv = temp.resolve(".venv");
        Path backup = dir(".venv.backup.20261122T100000Z", "old");
        Path incoming = dir(".venv.smvm-new-20261122T100000Z", "new");
        Files.writeString(incoming.resolve(VenvSync.STATE_FILE), "inputs_digest=x\n");
        Files.writeString(VenvSync.journal(venv), "backup=" + backup + "\nincoming=" + incoming + "\n");

        String done = sync.recover(venv);

        assertEquals("new", Files.readString(venv.resolve("marker")));
        assertTrue(Files.isDirectory(backup));
        assertFalse(Files.exists(VenvSync.journal(venv)));
        assertTrue(done.startsWith("completed the swap of an interrupted run"), done);
    }

    @Test
    void recoveryRestoresTheBackupWhenTheNewEnvironmentIsIncomplete() throws IOException {
        Path venv = temp.resolve(".venv");
        Path backup = dir(".venv.backup.20261122T100000Z", "old");
        Path incoming = dir(".venv.smvm-new-20261122T100000Z", "half");
        Files.writeString(VenvSync.journal(venv), "backup=" + backup + "\nincoming=" + incoming + "\n");

        sync.recover(venv);

        assertEquals("old", Files.readString(venv.resolve("marker")));
        assertFalse(Files.exists(incoming));
        assertFalse(Files.exists(backup));
    }

    @Test
    void recoveryRemovesBuildDirectoriesOfKilledRunsAndLeavesAnIntactEnvironmentAlone() throws IOException {
        Path venv = dir(".venv", "current");
        Path stale = dir(".venv.smvm-new-20261122T090000Z", "half");
        dir(".venv2.smvm-new-20261122T090000Z", "another environment's");
        assertTrue(sync.recover(venv).contains("removed " + stale));
        assertFalse(Files.exists(stale));
        assertTrue(Files.exists(temp.resolve(".venv2.smvm-new-20261122T090000Z")));
        assertEquals("current", Files.readString(venv.resolve("marker")));
        assertNull(sync.recover(venv));
    }

    @Test
    void recoveryRemovesTheTemporaryFileOfAJournalWhoseWritingWasKilled() throws IOException {
        Path venv = dir(".venv", "current");
        Path temporary = Files.writeString(temp.resolve(".venv.smvm-swap8051412345.tmp"), "backup=");
        Files.writeString(temp.resolve(".venv2.smvm-swap"), "another environment's journal");

        assertNull(sync.recover(venv));

        assertFalse(Files.exists(temporary));
        assertTrue(Files.exists(temp.resolve(".venv2.smvm-swap")));
        assertEquals("current", Files.readString(venv.resolve("marker")));
    }

    @Test
    void theNextRunRemovesTheBackupsBeyondTheLimitThatARunKilledBeforeItsPruningLeft() throws IOException {
        Path venv = dir(".venv", "current");
        for (String stamp : List.of("20261120T100000Z", "20261121T100000Z", "20261122T100000Z")) {
            dir(".venv.backup." + stamp, stamp);
        }

        assertNull(sync.recoverAtStart(venv, 2));

        assertEquals(List.of(temp.resolve(".venv.backup.20261121T100000Z"),
                temp.resolve(".venv.backup.20261122T100000Z")), VenvSync.siblings(venv, ".backup."));
        assertEquals("current", Files.readString(venv.resolve("marker")));
    }

    @Test
    void pruningKeepsTheNewestBackups() throws IOException {
        Path venv = dir(".venv", "current");
        for (String stamp : List.of("20261120T100000Z", "20261121T100000Z", "20261122T100000Z", "20261122T100000Z-1")) {
            dir(".venv.backup." + stamp, stamp);
        }
        sync.pruneBackups(venv, 2);
        assertEquals(List.of(temp.resolve(".venv.backup.20261122T100000Z"),
                temp.resolve(".venv.backup.20261122T100000Z-1")), VenvSync.siblings(venv, ".backup."));
        sync.pruneBackups(venv, 0);
        assertEquals(List.of(), VenvSync.siblings(venv, ".backup."));
        assertTrue(Files.isDirectory(venv));
    }

    @Test
    void relocationPointsScriptsAtTheFinalPathAndLeavesBinariesAlone() throws IOException {
        Path incoming = temp.resolve("my \"env\".smvm-new-1");
        Path venv = temp.resolve("my \"env\"");
        Path bin = Files.createDirectories(incoming.resolve("bin"));
        Files.writeString(bin.resolve("tool"), "#!" + incoming + "/bin/python\nimport tool\n");
        Files.writeString(bin.resolve("activate"), "VIRTUAL_ENV=\"" + incoming + "\"\n");
        Files.write(bin.resolve("native"), ("\0binary " + incoming).getBytes());
        Files.writeString(incoming.resolve("pyvenv.cfg"), "home = /usr/bin\ncommand = /usr/bin/python3 -m venv "
                + incoming + "\n");

        sync.relocate(incoming, venv);

        assertEquals("#!" + venv + "/bin/python\nimport tool\n", Files.readString(bin.resolve("tool")));
        assertEquals("VIRTUAL_ENV=\"" + venv + "\"\n", Files.readString(bin.resolve("activate")));
        assertTrue(Files.readString(incoming.resolve("pyvenv.cfg")).endsWith("-m venv " + venv + "\n"));
        assertTrue(new String(Files.readAllBytes(bin.resolve("native"))).contains(incoming.toString()));
    }
}
