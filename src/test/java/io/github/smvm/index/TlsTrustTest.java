package io.github.smvm.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.smvm.testing.TestCertificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a CA bundle: what a bad file says, and what a good one adds to the JDK's authorities. */
class TlsTrustTest {

    @TempDir
    static Path tmp;

    private static TestCertificates certificates;

    @BeforeAll
    static void makeCertificates() {
        certificates = TestCertificates.shared();
    }

    @Test
    void jdkDefaultsAreDescribedAsSuchAndHaveNoBundle() {
        TlsTrust trust = TlsTrust.jdkDefaults();
        assertEquals("JDK defaults", trust.describe());
        assertNull(trust.bundle());
    }

    @Test
    void aBundleIsDescribedAsAddedToTheJdkDefaults() {
        TlsTrust trust = TlsTrust.withBundle(certificates.caPem());
        assertEquals("JDK defaults + " + certificates.caPem(), trust.describe());
        assertEquals(certificates.caPem(), trust.bundle());
    }

    @Test
    void aMissingFileNamesThePath() {
        Path missing = tmp.resolve("missing.pem");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsTrust.withBundle(missing));
        assertEquals(missing + " does not exist: give a PEM file holding the CA certificates", e.getMessage());
    }

    @Test
    void aDirectoryIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsTrust.withBundle(tmp));
        assertEquals(tmp + " is a directory: give one PEM file holding the CA certificates "
                + "(-----BEGIN CERTIFICATE----- blocks)", e.getMessage());
    }

    @Test
    void aFileWithoutPemBlocksIsNotABundle() throws Exception {
        Path der = tmp.resolve("ca.der");
        Files.write(der, certificate(certificates.caPem()).getEncoded());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsTrust.withBundle(der));
        assertEquals(der + " is not a PEM certificate bundle: it has no '-----BEGIN CERTIFICATE-----' line "
                + "(a DER or PKCS#12 file must be converted to PEM, e.g. openssl x509 -inform der -in ca.der)",
                e.getMessage());
    }

    @Test
    void aDamagedBlockIsReported() throws Exception {
        Path damaged = tmp.resolve("damaged.pem");
        Files.writeString(damaged, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsTrust.withBundle(damaged));
        assertTrue(e.getMessage().startsWith(damaged + " holds a certificate block that cannot be read: "), e.getMessage());
    }

    @Test
    void aSecondDamagedBlockAfterAGoodOneIsReportedToo() throws Exception {
        Path mixed = tmp.resolve("mixed.pem");
        Files.writeString(mixed, Files.readString(certificates.caPem())
                + "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TlsTrust.withBundle(mixed));
        assertTrue(e.getMessage().startsWith(mixed.toString()), e.getMessage());
    }

    @Test
    void theCombinedPemHoldsEveryJdkAuthorityAndThenTheBundle() throws Exception {
        TlsTrust trust = TlsTrust.withBundle(certificates.caPem());
        List<X509Certificate> combined = certificates(trust.combinedPem());
        List<X509Certificate> jdk = TlsTrust.defaultAuthorities();
        assertEquals(jdk.size() + 1, combined.size());
        assertEquals(jdk, combined.subList(0, jdk.size()));
        assertEquals(certificate(certificates.caPem()), combined.get(combined.size() - 1));
    }

    private static X509Certificate certificate(Path pem) throws Exception {
        return certificates(Files.readString(pem)).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(String pem) throws Exception {
        return List.copyOf((java.util.Collection<X509Certificate>) CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    }
}
