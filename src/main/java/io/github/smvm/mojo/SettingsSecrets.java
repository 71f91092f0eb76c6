package io.github.smvm.mojo;

import io.github.smvm.vendor.KnownSecrets;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The secret values of {@code settings.xml} servers and proxies: passwords, passphrases and private-key paths, as
 * written and decrypted, and header or other values in a server's {@code <configuration>} whose
 * names say they are secrets (every {@code <httpHeaders>} value counts as one).
 */
final class SettingsSecrets {

    private SettingsSecrets() {}

    static List<String> of(Settings settings, SettingsDecrypter decrypter, java.util.function.Consumer<String> debug) {
        List<String> result = new ArrayList<>();
        if (settings == null) {
            return result;
        }
        for (Server server : settings.getServers()) {
            add(result, server);
        }
        for (Proxy proxy : settings.getProxies()) {
            result.add(proxy.getPassword());
        }
        if (decrypter != null && !(settings.getServers().isEmpty() && settings.getProxies().isEmpty())) {
            try {
                SettingsDecryptionResult decrypted = decrypter.decrypt(new DefaultSettingsDecryptionRequest(settings));
                for (SettingsProblem problem : decrypted.getProblems()) {
                    debug.accept("settings.xml decryption: " + problem.getMessage());
                }
                for (Server server : decrypted.getServers()) {
                    add(result, server);
                }
                for (Proxy proxy : decrypted.getProxies()) {
                    result.add(proxy.getPassword());
                }
            } catch (RuntimeException e) {
                debug.accept("settings.xml servers could not be decrypted: " + e.getMessage());
            }
        }
        return result;
    }

    private static void add(List<String> result, Server server) {
        result.add(server.getPassword());
        result.add(server.getPassphrase());
        result.add(server.getPrivateKey());
        if (server.getConfiguration() instanceof Xpp3Dom configuration) {
            walk(configuration, false, result);
        }
    }

    private static void walk(Xpp3Dom node, boolean secretContext, List<String> result) {
        String name = node.getName();
        boolean secret = secretContext || KnownSecrets.isSecretName(name) || "httpHeaders".equalsIgnoreCase(name);
        if ("property".equals(name) && node.getChild("name") != null && node.getChild("value") != null
                && (secret || KnownSecrets.isSecretName(node.getChild("name").getValue()))) {
            result.add(node.getChild("value").getValue());
        }
        if (node.getChildCount() == 0) {
            if (secret && node.getValue() != null) {
                result.add(node.getValue());
            }
            return;
        }
        for (Xpp3Dom child : node.getChildren()) {
            walk(child, secret && !"name".equals(child.getName()), result);
        }
    }
}
