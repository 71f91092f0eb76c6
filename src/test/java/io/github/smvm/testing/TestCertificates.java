package io.github.smvm.testing;

import io.github.smvm.process.ProcessResult;
import io.github.smvm.process.ProcessRunner;
import io.github.smvm.process.ProcessSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A test certificate authority and a server certificate it signed for {@code 127.0.0.1} and
 * {@code localhost}, made at test time with the JDK's {@code keytool} (run as a process: argument list,
 * timeout): {@code -genkeypair} for the CA (basic constraints CA), {@code -genkeypair} and {@code -certreq}
 * for the server, {@code -gencert} signed by the CA with {@code san=ip:127.0.0.1,dns:localhost}, and
 * {@code -exportcert -rfc} for the CA's PEM. Nothing on the machine trusts the CA.
 *
 * @param caPem the CA certificate, PEM
 * @param serverKeyStore PKCS#12 with the server's key and chain (password {@link #PASSWORD})
 * @param serverPem the server certificate, PEM (a certificate that is not a CA)
 */
public record TestCertificates(Path caPem, Path serverKeyStore, Path serverPem) {

    public static final String PASSWORD = "test-store-pass";

    private static TestCertificates shared;

    /**
     * One set for the whole test JVM (keytool takes seconds), in a temporary directory removed at exit.
     * Its files must not be changed.
     */
    public static synchronized TestCertificates shared() {
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("smvm-test-pki");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try (var files = Files.walk(dir)) {
                        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        // best effort
                    }
                }));
                shared = create(dir, "smvm test CA");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** Makes a CA named {@code caName} and a server certificate it signed in {@code dir}. */
    public static TestCertificates create(Path dir, String caName) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path ca = dir.resolve("ca.p12");
        Path caPem = dir.resolve("ca.pem");
        Path server = dir.resolve("server.p12");
        Path csr = dir.resolve("server.csr");
        Path serverPem = dir.resolve("server.pem");
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + caName, "-ext", "bc:c", "-validity", "2",
                "-keystore", ca.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-file", caPem.toString());
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-validity", "2",
                "-keystore", server.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        keytool("-certreq", "-alias", "server", "-keystore", server.toString(), "-storepass", PASSWORD,
                "-file", csr.toString());
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", ca.toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-outfile", serverPem.toString(), "-validity", "2",
                "-ext", "san=ip:127.0.0.1,dns:localhost", "-ext", "eku=serverAuth");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caPem.toString(),
                "-keystore", server.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-alias", "server", "-file", serverPem.toString(),
                "-keystore", server.toString(), "-storepass", PASSWORD);
        return new TestCertificates(caPem, server, serverPem);
    }

    /** A server-side context presenting the server certificate and its chain. */
    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(serverKeyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        ProcessResult result;
        try {
            result = ProcessRunner.system().run(ProcessSpec.builder(command).timeout(Duration.ofSeconds(60)).build());
        } catch (io.github.smvm.process.ProcessException e) {
            throw new IllegalStateException("keytool could not run: " + e.getMessage(), e);
        }
        if (!result.succeeded()) {
            throw new IllegalStateException("keytool failed: " + result.describe());
        }
    }
}
