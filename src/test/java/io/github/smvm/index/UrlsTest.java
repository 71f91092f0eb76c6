package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class UrlsTest {

    @Test
    void redactRemovesUserInfoAndKeepsTheRest() {
        assertEquals("https://host.example:8443/simple/foo/?x=1#frag",
                Urls.redact(URI.create("https://user:pa%40ss@host.example:8443/simple/foo/?x=1#frag")));
        assertEquals("https://host/x", Urls.redact(URI.create("https://host/x")));
        assertEquals("https://my_host.example/simple/", Urls.redact(URI.create("https://u:pw@my_host.example/simple/")));
        assertEquals(URI.create("https://my_host.example/simple/"),
                Urls.withoutUserInfo(URI.create("https://u:pw@my_host.example/simple/")));
    }

    @Test
    void redactSecretsAlsoMasksEveryQueryAndFragmentValue() {
        assertEquals("http://127.0.0.1:8080/simple/?token=****&x=****",
                Urls.redactSecrets(URI.create("http://user:s3cr3t@127.0.0.1:8080/simple/?token=abc&x=1")));
        assertEquals("https://host/simple/?****&b=****#sha256=****",
                Urls.redactSecrets(URI.create("https://host/simple/?opaque-token;b=2#sha256=ff")));
        assertEquals("https://host/simple/", Urls.redactSecrets(URI.create("https://host/simple/")));
        assertEquals("file:///srv/index/", Urls.redactSecrets(URI.create("file:///srv/index/")));
    }

    @Test
    void fileNameIsTheLastSegmentPercentDecoded() {
        assertEquals("foo 1.0.tar.gz", Urls.fileName(URI.create("https://h/a/foo%201.0.tar.gz")));
    }

    @Test
    void fileNameRejectsSeparatorsDotDotAndEmpty() {
        assertEquals("file name 'a/b.whl' contains a path separator", assertThrows(IllegalArgumentException.class,
                () -> Urls.fileName(URI.create("https://h/a%2Fb.whl"))).getMessage());
        assertEquals("file name 'a\\b.whl' contains a path separator", assertThrows(IllegalArgumentException.class,
                () -> Urls.fileName(URI.create("https://h/a%5Cb.whl"))).getMessage());
        assertEquals("file name '..' contains '..'", assertThrows(IllegalArgumentException.class,
                () -> Urls.fileName(URI.create("https://h/x/%2E%2E"))).getMessage());
        assertEquals("URL has an empty file name", assertThrows(IllegalArgumentException.class,
                () -> Urls.fileName(URI.create("https://h/dir/"))).getMessage());
    }

    @Test
    void parseLenientEncodesSpacesAndNonAsciiButKeepsEscapes() {
        assertEquals("https://h/a%20b/%C3%A9-1.0.tar.gz#sha256=ab",
                Urls.parseLenient("https://h/a b/é-1.0.tar.gz#sha256=ab").toString());
        assertEquals("https://h/a%2Fb%25zz", Urls.parseLenient("https://h/a%2Fb%zz").toString());
    }
}
