package io.github.smvm.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.github.smvm.pipconfig.PipConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IndexSettingsTest {

    private static final PipConfig PIP = new PipConfig(
            Optional.of(new PipConfig.Setting<>("https://bot:s3cr3t-pw@corp.example/simple/", "PIP_INDEX_URL")),
            Optional.of(new PipConfig.Setting<>(List.of("file:///opt/pypi/simple", "https://x.example/simple/?token=t0k"),
                    "/root/.config/pip/pip.conf [global]")),
            Optional.of(new PipConfig.Setting<>(List.of("/opt/wheels"), "PIP_FIND_LINKS")),
            Optional.of(new PipConfig.Setting<>(true, "/etc/pip.conf [install]")),
            Optional.of(new PipConfig.Setting<>("/etc/ssl/certs/ca-certificates.crt", "PIP_CERT")),
            List.of("/etc/pip.conf", "/root/.config/pip/pip.conf", "PIP_INDEX_URL", "PIP_FIND_LINKS", "PIP_CERT"));

    @Test
    void pipsConfigurationFillsWhatThePomLeavesUnset() {
        IndexSettings s = IndexSettings.resolve(null, List.of(), List.of(), null, PIP, true);
        assertEquals("https://bot:s3cr3t-pw@corp.example/simple/", s.indexUrl());
        assertEquals(List.of("file:///opt/pypi/simple", "https://x.example/simple/?token=t0k"), s.extraIndexUrls());
        assertEquals(List.of("/opt/wheels"), s.findLinks());
        assertEquals(true, s.noIndex());
        assertEquals("/etc/ssl/certs/ca-certificates.crt", s.cert());
        assertEquals(Map.of("index-url", "PIP_INDEX_URL", "extra-index-url", "/root/.config/pip/pip.conf [global]",
                "find-links", "PIP_FIND_LINKS", "no-index", "/etc/pip.conf [install]", "cert", "PIP_CERT"), s.origins());
        assertEquals(List.of(
                "pip's configuration: read /etc/pip.conf, /root/.config/pip/pip.conf, PIP_INDEX_URL, PIP_FIND_LINKS, PIP_CERT",
                "index-url https://corp.example/simple/ from PIP_INDEX_URL",
                "extra-index-url file:///opt/pypi/simple https://x.example/simple/?token=**** from "
                        + "/root/.config/pip/pip.conf [global]",
                "find-links /opt/wheels from PIP_FIND_LINKS",
                "no-index true from /etc/pip.conf [install]",
                "cert /etc/ssl/certs/ca-certificates.crt from PIP_CERT",
                "no-index is set (/etc/pip.conf [install]): index-url and extra-index-url are not used"), s.notes());
    }

    @Test
    void thePomWinsPerSettingAndSaysWhatItOverrode() {
        IndexSettings s = IndexSettings.resolve("https://pom.example/simple/", List.of(), List.of("/pom/wheels"), false,
                PIP, true);
        assertEquals("https://pom.example/simple/", s.indexUrl());
        assertEquals(List.of("file:///opt/pypi/simple", "https://x.example/simple/?token=t0k"), s.extraIndexUrls());
        assertEquals(List.of("/pom/wheels"), s.findLinks());
        assertEquals(false, s.noIndex());
        assertEquals(IndexSettings.POM, s.origins().get("index-url"));
        assertEquals(IndexSettings.POM, s.origins().get("find-links"));
        assertEquals(IndexSettings.POM, s.origins().get("no-index"));
        assertEquals("/root/.config/pip/pip.conf [global]", s.origins().get("extra-index-url"));
        assertEquals(List.of(
                "pip's index-url https://corp.example/simple/ (PIP_INDEX_URL) is overridden by the pom",
                "pip's find-links /opt/wheels (PIP_FIND_LINKS) is overridden by the pom",
                "pip's no-index true (/etc/pip.conf [install]) is overridden by the pom"),
                s.notes().stream().filter(n -> n.contains("overridden")).toList());
        for (String note : s.notes()) {
            assertFalse(note.contains("s3cr3t") || note.contains("t0k"), note);
        }
    }

    @Test
    void withoutPipsConfigurationOnlyThePomCounts() {
        IndexSettings s = IndexSettings.ofPom(null, List.of("https://e.example/"), List.of(), null);
        assertEquals(null, s.indexUrl());
        assertEquals(false, s.noIndex());
        assertEquals(null, s.cert());
        assertEquals(Map.of("extra-index-url", IndexSettings.POM), s.origins());
        assertEquals(List.of(), s.notes());
    }
}
