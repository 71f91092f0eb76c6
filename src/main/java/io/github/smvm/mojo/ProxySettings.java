package io.github.smvm.mojo;

import io.github.smvm.index.NonProxyHosts;
import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.ProxyServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The proxies requests go through: the active {@code <proxy>} entries of settings.xml (passwords decrypted),
 * else {@code HTTPS_PROXY}/{@code HTTP_PROXY}/{@code NO_PROXY} of the environment.
 */
final class ProxySettings {

    private ProxySettings() {}

    /**
     * @throws MojoExecutionException naming the {@code <proxy>} or the variable that cannot be used, never a secret
     */
    static ProxyConfig resolve(Settings settings, SettingsDecrypter decrypter, Map<String, String> environment)
            throws MojoExecutionException {
        List<ProxyServer> active = new ArrayList<>();
        for (Proxy proxy : settings == null ? List.<Proxy>of() : settings.getProxies()) {
            if (proxy.isActive()) {
                active.add(convert(decrypted(proxy, decrypter)));
            }
        }
        try {
            return ProxyConfig.resolve(active, environment);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot use the proxy of the environment: " + e.getMessage()
                    + "; fix the variable, or configure an active <proxy> in settings.xml, which takes precedence", e);
        }
    }

    private static Proxy decrypted(Proxy proxy, SettingsDecrypter decrypter) throws MojoExecutionException {
        if (decrypter == null || proxy.getPassword() == null) {
            return proxy;
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                // only the first part of the message: the parser's cause may quote settings-security.xml
                String message = String.valueOf(problem.getMessage());
                int colon = message.indexOf(": ");
                throw new MojoExecutionException("The password of <proxy> '" + proxy.getId()
                        + "' in settings.xml cannot be decrypted: " + (colon < 0 ? message : message.substring(0, colon))
                        + "; check ~/.m2/settings-security.xml (mvn --encrypt-master-password)");
            }
        }
        return result.getProxy() == null ? proxy : result.getProxy();
    }

    private static ProxyServer convert(Proxy proxy) throws MojoExecutionException {
        String source = "settings.xml <proxy> '" + proxy.getId() + "'";
        String protocol = proxy.getProtocol() == null ? "http" : proxy.getProtocol().strip();
        if (!protocol.equalsIgnoreCase("http") && !protocol.equalsIgnoreCase("https")) {
            throw new MojoExecutionException("Cannot use " + source + ": <protocol> is '" + protocol
                    + "'; expected http or https (the scheme of the URLs it serves), or set <active>false</active>");
        }
        if (proxy.getHost() == null || proxy.getHost().isBlank()) {
            throw new MojoExecutionException("Cannot use " + source + ": it has no <host>");
        }
        String host = proxy.getHost().strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new ProxyServer(protocol, host, proxy.getPort(),
                    proxy.getUsername() == null ? null : proxy.getUsername().strip(), proxy.getPassword(),
                    NonProxyHosts.maven(proxy.getNonProxyHosts()), source);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("Cannot use " + source + ": " + e.getMessage(), e);
        }
    }
}
