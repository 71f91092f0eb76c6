package io.github.smvm.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificate authorities HTTPS requests trust: the JDK's defaults, plus those of a PEM bundle when one
 * is given (a private index's CA). {@link #describe()} says which, for messages such as "the certificate
 * of host:port is not trusted (trusted: JDK defaults + /etc/ssl/corp-ca.pem)".
 */
public final class TlsTrust {

    private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

    private final Path bundle;
    private final List<X509Certificate> added;
    private final SSLContext context;

    private TlsTrust(Path bundle, List<X509Certificate> added, SSLContext context) {
        this.bundle = bundle;
        this.added = List.copyOf(added);
        this.context = context;
    }

    /** Only the JDK's default authorities; {@link #sslContext()} is the JDK's default context. */
    public static TlsTrust jdkDefaults() {
        return new TlsTrust(null, List.of(), null);
    }

    /**
     * The JDK's defaults plus every certificate of the PEM file {@code bundle}.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it: missing, a directory,
     *     unreadable, no {@code BEGIN CERTIFICATE} block, or a block that is not a certificate
     */
    public static TlsTrust withBundle(Path bundle) {
        Objects.requireNonNull(bundle, "bundle");
        if (Files.isDirectory(bundle)) {
            throw new IllegalArgumentException(bundle + " is a directory: give one PEM file holding the CA "
                    + "certificates (-----BEGIN CERTIFICATE----- blocks)");
        }
        if (!Files.exists(bundle)) {
            throw new IllegalArgumentException(bundle + " does not exist: give a PEM file holding the CA certificates");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(bundle);
        } catch (IOException e) {
            throw new IllegalArgumentException(bundle + " cannot be read: " + e.getMessage(), e);
        }
        List<X509Certificate> certificates = parse(bundle, new String(bytes, StandardCharsets.ISO_8859_1));
        return new TlsTrust(bundle, certificates, context(certificates));
    }

    private static List<X509Certificate> parse(Path bundle, String text) {
        if (!text.contains(BEGIN)) {
            throw new IllegalArgumentException(bundle + " is not a PEM certificate bundle: it has no '" + BEGIN
                    + "' line (a DER or PKCS#12 file must be converted to PEM, e.g. openssl x509 -inform der -in ca.der)");
        }
        Collection<? extends Certificate> read;
        try {
            read = CertificateFactory.getInstance("X.509").generateCertificates(
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException(bundle + " holds a certificate block that cannot be read: "
                    + e.getMessage(), e);
        }
        List<X509Certificate> result = new ArrayList<>();
        for (Certificate c : read) {
            result.add((X509Certificate) c);
        }
        long blocks = text.lines().filter(line -> line.strip().equals(BEGIN)).count();
        if (result.size() != blocks) {
            throw new IllegalArgumentException(bundle + " has " + blocks + " certificate blocks but only "
                    + result.size() + " could be read: check the file for a damaged block");
        }
        return result;
    }

    private static SSLContext context(List<X509Certificate> extra) {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (X509Certificate c : defaultAuthorities()) {
                store.setCertificateEntry("jdk-" + i++, c);
            }
            for (X509Certificate c : extra) {
                store.setCertificateEntry("bundle-" + i++, c);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS trust: " + e.getMessage(), e);
        }
    }

    /** The authorities the JDK trusts by default ({@code cacerts}, or {@code javax.net.ssl.trustStore}). */
    static List<X509Certificate> defaultAuthorities() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        List<X509Certificate> result = new ArrayList<>();
        for (TrustManager m : factory.getTrustManagers()) {
            if (m instanceof X509TrustManager x509) {
                result.addAll(List.of(x509.getAcceptedIssuers()));
            }
        }
        return result;
    }

    /** The context for HTTPS connections. */
    public SSLContext sslContext() {
        if (context != null) {
            return context;
        }
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no default TLS context: " + e.getMessage(), e);
        }
    }

    /** The bundle added to the JDK's defaults, or {@code null}. */
    public Path bundle() {
        return bundle;
    }

    /** {@code JDK defaults} or {@code JDK defaults + /path/ca.pem}. */
    public String describe() {
        return bundle == null ? "JDK defaults" : "JDK defaults + " + bundle;
    }

    /**
     * The JDK's default authorities followed by the bundle's, as one PEM text: a bundle for a client whose
     * own CA setting replaces its defaults (pip's {@code cert}), so that it trusts what this class trusts.
     */
    public String combinedPem() {
        StringBuilder pem = new StringBuilder();
        List<X509Certificate> all = new ArrayList<>();
        try {
            all.addAll(defaultAuthorities());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the JDK's default authorities: " + e.getMessage(), e);
        }
        all.addAll(added);
        Base64.Encoder encoder = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII));
        for (X509Certificate c : all) {
            try {
                pem.append("# ").append(c.getSubjectX500Principal().getName()).append('\n')
                        .append(BEGIN).append('\n')
                        .append(encoder.encodeToString(c.getEncoded())).append('\n')
                        .append("-----END CERTIFICATE-----\n");
            } catch (CertificateException e) {
                throw new IllegalStateException("cannot encode " + c.getSubjectX500Principal() + ": " + e.getMessage(), e);
            }
        }
        return pem.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
