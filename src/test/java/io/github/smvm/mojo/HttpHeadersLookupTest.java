package io.github.smvm.mojo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.smvm.index.IndexCredentials;
import java.io.StringReader;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.io.xpp3.SettingsXpp3Reader;
import org.junit.jupiter.api.Test;

/** A server's {@code <configuration><httpHeaders>} in settings.xml, as Maven reads the file. */
class HttpHeadersLookupTest {

    private static final String KEY = "AKCp8-art-api-SECRET";

    private static Settings settings(String servers) throws Exception {
        return new SettingsXpp3Reader().read(new StringReader("<settings><servers>" + servers
                + "</servers></settings>"));
    }

    @Test
    void headersOfTheServerComeWithItsCredentials() throws Exception {
        Settings settings = settings("<server><id>art</id><configuration><httpHeaders>"
                + "<property><name>X-JFrog-Art-Api</name><value>" + KEY + "</value></property>"
                + "<property><name>X-Tenant</name><value>blue</value></property>"
                + "</httpHeaders></configuration></server>");
        IndexCredentials c = ServerCredentials.lookup(settings, null, "art", "indexServerId",
                PropertyNames.INDEX_SERVER_ID);
        assertEquals(Map.of("X-JFrog-Art-Api", KEY, "X-Tenant", "blue"), c.headers());
        assertEquals(false, c.hasAuthorization());
        assertEquals(java.util.List.of("X-JFrog-Art-Api", "X-Tenant"), java.util.List.copyOf(c.headers().keySet()));
    }

    @Test
    void headersAndAPasswordTogether() throws Exception {
        Settings settings = settings("<server><id>art</id><username>ci</username><password>pw-SECRET</password>"
                + "<configuration><httpHeaders><property><name>X-Tenant</name><value>blue</value></property>"
                + "</httpHeaders></configuration></server>");
        IndexCredentials c = ServerCredentials.lookup(settings, null, "art", "indexServerId",
                PropertyNames.INDEX_SERVER_ID);
        assertEquals("ci", c.username());
        assertEquals(Map.of("X-Tenant", "blue"), c.headers());
    }

    @Test
    void aServerWithNeitherPasswordNorHeadersSaysWhatIsMissing() throws Exception {
        Settings settings = settings("<server><id>art</id><username>ci</username></server>");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ServerCredentials.lookup(settings,
                null, "art", "indexServerId", PropertyNames.INDEX_SERVER_ID));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): <server> 'art' in settings.xml has no <password> "
                + "(a password, or a token with no <username>) and no <configuration><httpHeaders>", e.getMessage());
    }

    @Test
    void aMalformedHeaderEntryIsNamedWithoutItsValue() throws Exception {
        Settings settings = settings("<server><id>art</id><configuration><httpHeaders>"
                + "<header><value>" + KEY + "</value></header></httpHeaders></configuration></server>");
        MojoExecutionException e = assertThrows(MojoExecutionException.class, () -> ServerCredentials.lookup(settings,
                null, "art", "indexServerId", PropertyNames.INDEX_SERVER_ID));
        assertEquals("Invalid <indexServerId> (smvm.indexServerId): <server> 'art' in settings.xml has an "
                + "<httpHeaders> entry <header> that is not <property><name>Header-Name</name><value>…</value>"
                + "</property>", e.getMessage());
        assertFalse(e.getMessage().contains(KEY));
    }
}
