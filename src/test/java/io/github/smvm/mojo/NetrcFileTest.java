package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.index.Netrc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The netrc file the goals read: a malformed one is a warning naming file and line, never its password. */
class NetrcFileTest {

    @TempDir
    Path tmp;

    @Test
    void aGoodFileGivesItsEntries() throws Exception {
        Path file = Files.writeString(tmp.resolve(".netrc"), "machine pypi.corp.example login ci password n3trc-SECRET\n");
        List<String> warnings = new ArrayList<>();
        Netrc netrc = AbstractAssessmentMojo.readNetrc(file, warnings::add);
        assertEquals(Optional.of(new Netrc.Login("ci", "n3trc-SECRET")), netrc.forHost("pypi.corp.example"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aMalformedFileIsAWarningNamingFileAndLineAndIsNotUsed() throws Exception {
        Path file = Files.writeString(tmp.resolve(".netrc"),
                "machine a.example login ci password n3trc-SECRET\nmachine b.example login ci pasword other-SECRET\n");
        List<String> warnings = new ArrayList<>();
        Netrc netrc = AbstractAssessmentMojo.readNetrc(file, warnings::add);
        assertTrue(netrc.isEmpty());
        assertEquals(List.of("netrc " + file + " line 2: 'pasword' in the entry of machine b.example where login, "
                + "account or password was expected: pip ignores a malformed netrc, so its credentials are not used"),
                warnings);
        warnings.forEach(w -> assertTrue(!w.contains("SECRET"), w));
    }

    @Test
    void aFileThatIsNotUtf8IsAWarning() throws Exception {
        Path file = Files.write(tmp.resolve(".netrc"), new byte[] {'m', (byte) 0xff, (byte) 0xfe, '\n'});
        List<String> warnings = new ArrayList<>();
        assertTrue(AbstractAssessmentMojo.readNetrc(file, warnings::add).isEmpty());
        assertEquals(List.of("netrc " + file + " cannot be read (MalformedInputException): its credentials are not used"),
                warnings);
    }
}
