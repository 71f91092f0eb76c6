package io.github.smvm.venv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VenvLayoutTest {

    @Test
    void posixEnvironmentsKeepTheirInterpreterInBin() {
        VenvLayout layout = VenvLayout.forOsName("Linux");
        assertEquals(Path.of("/p/my env/.venv/bin/python"), layout.python(Path.of("/p/my env/.venv")));
        assertEquals("/dev/null", layout.nullDevice());
        assertEquals(VenvLayout.POSIX, VenvLayout.forOsName("Mac OS X"));
    }

    @Test
    void windowsEnvironmentsKeepTheirInterpreterInScripts() {
        VenvLayout layout = VenvLayout.forOsName("Windows Server 2022");
        Path venv = Path.of("C-drive", "it's a \"project\"", ".venv");
        assertEquals(venv.resolve("Scripts").resolve("python.exe"), layout.python(venv));
        assertEquals(venv.resolve("pyvenv.cfg"), layout.config(venv));
        assertEquals("nul", layout.nullDevice());
    }
}
