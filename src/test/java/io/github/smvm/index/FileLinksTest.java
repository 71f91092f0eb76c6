package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FileLinksTest {

    private static final List<URI> BASES = List.of(
            URI.create("https://index.example/simple/numpy/"),
            URI.create("https://index.example/simple/numpy"),
            URI.create("http://127.0.0.1:8080/root/simple/numpy/index.html"),
            URI.create("file:///srv/index/numpy/"));

    private static final List<String> HREFS = List.of(
            "/files/numpy-2.0.0-cp312-cp312-manylinux_2_17_x86_64.whl#sha256=abc123",
            "../../files/numpy-2.0.0-py3-none-any.whl#sha256=ABC&md5=def",
            "numpy-2.0.0.tar.gz#sha256=abc",
            "./numpy-2.0.0.tar.gz#sha256=",
            "https://files.example/packages/aa/bb/numpy-2.0.0-py3-none-any.whl#sha256=0123456789abcdef",
            "//cdn.example/numpy-2.0.0-py3-none-any.whl#sha256=abc",
            "/files/numpy%2D2.0.0-py3-none-any.whl#sha256=abc",
            "/files/numpy 2.0.0-py3-none-any.whl#sha256=abc",
            "/files/nümpy-2.0.0-py3-none-any.whl#sha256=abc",
            "/files/numpy-2.0.0-py3-none-any.whl?token=x#sha256=abc",
            "  /files/numpy-2.0.0-py3-none-any.whl#sha256=abc",
            "/files/numpy-2.0.0-py3-none-any.whl#sha256=abc  ",
            "/files/numpy-2.0.0-py3-none-any.whl#egg=numpy",
            "/files/numpy-2.0.0-py3-none-any.whl#",
            "/files/numpy-2.0.0-py3-none-any.whl#sha256=a%62c",
            "/files/numpy-2.0.0-py3-none-any.whl#sha256=abc#md5=def",
            "/files/../numpy-2.0.0-py3-none-any.whl#sha256=abc",
            "/files/..#sha256=abc",
            "/files/#sha256=abc",
            "#sha256=abc",
            " #sha256=abc",
            "/files/numpy%zz-2.0.0-py3-none-any.whl#sha256=abc",
            "/files/numpy%2F..%2Fx.whl#sha256=abc",
            "mailto:someone@example.com#sha256=abc",
            "/files/numpy-2.0.0-py3-none-any.whl",
            "https://files.example:8443/p/numpy-2.0.0-py3-none-any.whl#sha256=abc",
            "HTTPS://Files.Example/p/numpy-2.0.0-py3-none-any.whl",
            "https://files.example:/p/numpy-2.0.0-py3-none-any.whl",
            "https://:80/p/numpy-2.0.0-py3-none-any.whl",
            "https://files.example/../p/numpy-2.0.0-py3-none-any.whl#sha256=abc",
            "https://files.example",
            "https://user@files.example/p/numpy-2.0.0-py3-none-any.whl",
            "file:///srv/numpy-2.0.0-py3-none-any.whl",
            "numpy-2.0.0-py3-none-any.whl",
            "x/./numpy-2.0.0-py3-none-any.whl",
            "x/../numpy-2.0.0-py3-none-any.whl#md5=abc",
            "a:b/numpy-2.0.0-py3-none-any.whl",
            "/x/..",
            "/x/.",
            "/x/",
            "%41.whl",
            "~user/numpy(1)+x;y=z,w!$*'@.whl",
            "/files/numpy-2.0.0-py3-none-any.whl#sha256=abc&sha256=def&MD5=AbC");

    @Test
    void aLinkReadLaterGivesWhatReadingItNowGives() {
        int lazy = 0;
        for (URI base : BASES) {
            for (String href : HREFS) {
                String name = FileLinks.lazyFilename(href);
                if (name == null) {
                    continue;
                }
                lazy++;
                List<String> warnings = new ArrayList<>();
                FileLinks.Resolved now = FileLinks.resolve(base, href, warnings);
                assertNotNull(now, base + " " + href);
                assertEquals(List.of(), warnings, base + " " + href);
                assertEquals(now.filename(), name, "the name read from the link is the one resolving gives: " + href);
                IndexFile later = IndexFile.linked(name, base, href, null, false, null, false, null);
                assertEquals(new IndexFile(now.filename(), now.url(), now.hashes(), null, false, null, false, null), later);
                assertEquals(now.url().toString(), later.url().toString(), base + " " + href);
            }
        }
        assertEquals(true, lazy >= 60, "read later " + lazy + " times");
        for (String href : List.of("/files/numpy 2.0.0-py3-none-any.whl", "%41.whl", "/x/..", "/x/.", "/x/",
                "a:b/x.whl", "https://user@files.example/p/x.whl", "https://files.example:/p/x.whl", "//cdn.example/x.whl",
                "file:///srv/x.whl", "/x.whl#sha256=a%62c", "/x.whl?token=1", "https://files.example")) {
            assertNull(FileLinks.lazyFilename(href), href);
        }
    }
}
