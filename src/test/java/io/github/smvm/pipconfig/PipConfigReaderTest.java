package io.github.smvm.pipconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PipConfigReaderTest {

    private static final Path HOME = Path.of("/home/u");

    private final Map<Path, String> files = new HashMap<>();

    private PipConfig read(Map<String, String> environment) throws PipConfigException {
        return new PipConfigReader(p -> Optional.ofNullable(files.get(p))).read(environment, HOME, "Linux");
    }

    // ---- Ini ----

    @Test
    void iniReadsSectionsKeysCommentsAndContinuationsAsConfigParserDoes() throws PipConfigException {
        Ini ini = Ini.parse("""
                # a comment
                [DEFAULT]
                timeout = 60
                [global]
                Index-URL = https://a.example/simple
                extra-index-url =
                    https://b.example/simple
                    ; a comment inside the value

                    https://c.example/simple
                find_links: /w1 /w2 ; not a comment
                [install] trailing text is ignored
                no-index=yes
                """, "pip.conf");
        assertEquals(Map.of(
                "global", Map.of("timeout", "60", "index-url", "https://a.example/simple",
                        "extra-index-url", "\nhttps://b.example/simple\n\nhttps://c.example/simple",
                        "find_links", "/w1 /w2 ; not a comment"),
                "install", Map.of("timeout", "60", "no-index", "yes")), ini.sections());
        assertEquals(List.of("global", "install"), List.copyOf(ini.sections().keySet()));
    }

    @Test
    void iniErrorsNameTheFileAndLine() {
        assertEquals("/etc/pip.conf, line 1: 'index-url = x' comes before the first [section] header",
                assertThrows(PipConfigException.class, () -> Ini.parse("index-url = x\n", "/etc/pip.conf")).getMessage());
        assertEquals("f, line 3: 'index-url' appears twice in its section",
                assertThrows(PipConfigException.class,
                        () -> Ini.parse("[global]\nindex-url = a\nINDEX-URL = b\n", "f")).getMessage());
        assertEquals("f, line 3: section [global] appears twice",
                assertThrows(PipConfigException.class, () -> Ini.parse("[global]\na=1\n[global]\n", "f")).getMessage());
        assertEquals("f, line 2: 'just words' is neither a [section] header nor a 'key = value' line",
                assertThrows(PipConfigException.class, () -> Ini.parse("[global]\njust words\n", "f")).getMessage());
    }

    // ---- locations ----

    private static List<String> paths(List<PipConfigFiles.Location> locations) {
        return locations.stream().map(l -> l.kind() + " " + l.path()).toList();
    }

    @Test
    void linuxLocationsInPipsOrder() {
        assertEquals(List.of("GLOBAL /etc/xdg/pip/pip.conf", "GLOBAL /etc/pip.conf", "USER /home/u/.pip/pip.conf",
                "USER /home/u/.config/pip/pip.conf"), paths(PipConfigFiles.locations(Map.of(), HOME, "Linux", p -> false)));
        assertEquals(List.of("GLOBAL /x/pip/pip.conf", "GLOBAL /y/pip/pip.conf", "GLOBAL /etc/pip.conf",
                "USER /home/u/.pip/pip.conf", "USER /c/pip/pip.conf", "SITE /venv/pip.conf", "ENV /missing.conf"),
                paths(PipConfigFiles.locations(Map.of("XDG_CONFIG_DIRS", "/x:/y", "XDG_CONFIG_HOME", "/c",
                        "VIRTUAL_ENV", "/venv", "PIP_CONFIG_FILE", "/missing.conf"), HOME, "Linux", p -> false)));
    }

    @Test
    void anExistingPipConfigFileReplacesTheUserFilesAndTheNullDeviceAllFiles() {
        assertEquals(List.of("GLOBAL /etc/xdg/pip/pip.conf", "GLOBAL /etc/pip.conf", "ENV /ci/pip.conf"),
                paths(PipConfigFiles.locations(Map.of("PIP_CONFIG_FILE", "/ci/pip.conf"), HOME, "Linux",
                        p -> p.equals(Path.of("/ci/pip.conf")))));
        assertEquals(List.of(), PipConfigFiles.locations(Map.of("PIP_CONFIG_FILE", "/dev/null"), HOME, "Linux",
                p -> true));
        assertEquals(List.of(), PipConfigFiles.locations(Map.of("PIP_CONFIG_FILE", "NUL"), HOME, "Windows 11",
                p -> true));
    }

    @Test
    void macOsAndWindowsLocations() {
        assertEquals(List.of("GLOBAL /Library/Application Support/pip/pip.conf", "USER /home/u/.pip/pip.conf",
                "USER /home/u/Library/Application Support/pip/pip.conf"),
                paths(PipConfigFiles.locations(Map.of(), HOME, "Mac OS X", p -> false)));
        List<PipConfigFiles.Location> windows = PipConfigFiles.locations(
                Map.of("PROGRAMDATA", "C:\\ProgramData", "APPDATA", "C:\\Users\\u\\AppData\\Roaming"), HOME,
                "Windows 11", p -> false);
        assertEquals(List.of(Path.of("C:\\ProgramData", "pip", "pip.ini"), HOME.resolve("pip").resolve("pip.ini"),
                Path.of("C:\\Users\\u\\AppData\\Roaming").resolve("pip").resolve("pip.ini")),
                windows.stream().map(PipConfigFiles.Location::path).toList());
    }

    // ---- reading ----

    @Test
    void laterFilesWinThenInstallOverGlobalThenVariables() throws PipConfigException {
        files.put(Path.of("/etc/pip.conf"), "[global]\nindex-url = https://global.example/simple\ncert = /etc/ca.pem\n");
        files.put(Path.of("/home/u/.pip/pip.conf"), "[install]\nfind-links = /legacy\n");
        files.put(Path.of("/home/u/.config/pip/pip.conf"), "[global]\nindex-url = https://user.example/simple\n"
                + "extra-index-url = https://e1.example/simple\n  https://e2.example/simple\nfind-links = /user\n");
        PipConfig c = read(Map.of("PIP_NO_INDEX", "off"));
        assertEquals(Optional.of(new PipConfig.Setting<>("https://user.example/simple",
                "/home/u/.config/pip/pip.conf [global]")), c.indexUrl());
        assertEquals(Optional.of(new PipConfig.Setting<>(List.of("https://e1.example/simple", "https://e2.example/simple"),
                "/home/u/.config/pip/pip.conf [global]")), c.extraIndexUrls());
        // [install] wins over [global] whichever file each is in
        assertEquals(Optional.of(new PipConfig.Setting<>(List.of("/legacy"), "/home/u/.pip/pip.conf [install]")),
                c.findLinks());
        assertEquals(Optional.of(new PipConfig.Setting<>(false, "PIP_NO_INDEX")), c.noIndex());
        assertEquals(Optional.of(new PipConfig.Setting<>("/etc/ca.pem", "/etc/pip.conf [global]")), c.cert());
        assertEquals(List.of("/etc/pip.conf", "/home/u/.pip/pip.conf", "/home/u/.config/pip/pip.conf", "PIP_NO_INDEX"),
                c.read());
    }

    @Test
    void variablesOverrideFilesAndAnEmptyVariableIsIgnoredAsPipIgnoresIt() throws PipConfigException {
        files.put(Path.of("/ci/pip.conf"), "[global]\nindex_url = https://file.example/simple\nfind-links = /opt/w\n"
                + "no-index = true\n");
        files.put(Path.of("/home/u/.config/pip/pip.conf"), "[global]\nextra-index-url = https://never.example/\n");
        PipConfig c = read(Map.of("PIP_CONFIG_FILE", "/ci/pip.conf", "PIP_INDEX_URL", "https://env.example/simple",
                "PIP_EXTRA_INDEX_URL", "https://x.example/ https://y.example/", "PIP_FIND_LINKS", ""));
        assertEquals("https://env.example/simple", c.indexUrl().orElseThrow().value());
        assertEquals("PIP_INDEX_URL", c.indexUrl().orElseThrow().origin());
        // the user file is not read when PIP_CONFIG_FILE exists
        assertEquals(List.of("https://x.example/", "https://y.example/"), c.extraIndexUrls().orElseThrow().value());
        assertEquals(new PipConfig.Setting<>(List.of("/opt/w"), "/ci/pip.conf [global]"), c.findLinks().orElseThrow());
        assertEquals(new PipConfig.Setting<>(true, "/ci/pip.conf [global]"), c.noIndex().orElseThrow());
        assertEquals(List.of("/ci/pip.conf", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS"), c.read());
    }

    @Test
    void nullDeviceSkipsEveryFileButNotTheVariables() throws PipConfigException {
        files.put(Path.of("/etc/pip.conf"), "[global]\nindex-url = https://global.example/simple\n");
        PipConfig c = read(Map.of("PIP_CONFIG_FILE", "/dev/null", "PIP_FIND_LINKS", "/opt/wheels"));
        assertEquals(Optional.empty(), c.indexUrl());
        assertEquals(List.of("/opt/wheels"), c.findLinks().orElseThrow().value());
        assertEquals(List.of("PIP_FIND_LINKS"), c.read());
    }

    @Test
    void aBooleanPipWouldRejectIsAnErrorNamingItsOrigin() {
        files.put(Path.of("/etc/pip.conf"), "[install]\nno-index = sometimes\n");
        assertEquals("/etc/pip.conf [install]: no-index = 'sometimes' is not a boolean pip accepts "
                + "(1/0, true/false, yes/no, on/off)",
                assertThrows(PipConfigException.class, () -> read(Map.of())).getMessage());
    }

    @Test
    void aMalformedFileIsAnErrorNamingItAndTheLine() {
        files.put(Path.of("/home/u/.config/pip/pip.conf"), "[global]\nindex-url\n");
        assertEquals("/home/u/.config/pip/pip.conf, line 2: 'index-url' is neither a [section] header nor a "
                + "'key = value' line", assertThrows(PipConfigException.class, () -> read(Map.of())).getMessage());
    }

    @Test
    void nothingConfiguredIsEmpty() throws PipConfigException {
        assertEquals(PipConfig.none(), read(new HashMap<>()));
    }
}
