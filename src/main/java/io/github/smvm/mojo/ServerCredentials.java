package io.github.smvm.mojo;

import io.github.smvm.index.IndexCredentials;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The credentials of a {@code settings.xml} {@code <server>}, decrypted: username and password become
 * Basic authentication; a password without a username is a bearer token. Headers in the server's
 * {@code <configuration><httpHeaders><property><name>…</name><value>…</value></property></httpHeaders>}
 * (Maven's own convention, as for wagon) go with the same requests.
 */
final class ServerCredentials {

    private ServerCredentials() {}

    /**
     * @param id the server's id as configured
     * @param parameter the parameter that names it, and its property, for messages
     * @throws MojoExecutionException when there is no such server, it has no password, or it cannot be
     *     decrypted (naming the parameter, never a secret)
     */
    static IndexCredentials lookup(Settings settings, SettingsDecrypter decrypter, String id, String parameter,
            String property) throws MojoExecutionException {
        String wanted = id.strip();
        List<Server> servers = settings == null ? List.of() : settings.getServers();
        Server server = servers.stream().filter(s -> wanted.equals(s.getId())).findFirst().orElse(null);
        if (server == null) {
            List<String> ids = servers.stream().map(Server::getId).filter(Objects::nonNull).toList();
            throw AbstractAssessmentMojo.parameterError(parameter, property, "there is no <server> with id '" + wanted
                    + "' in settings.xml; "
                    + (ids.isEmpty() ? "it has no servers" : "its servers are " + String.join(", ", ids)), null);
        }
        if (decrypter != null) {
            SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
            for (SettingsProblem problem : result.getProblems()) {
                if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                    // only the first part of the message: the parser's cause may quote settings-security.xml
                    String message = String.valueOf(problem.getMessage());
                    int colon = message.indexOf(": ");
                    throw AbstractAssessmentMojo.parameterError(parameter, property, "the password of <server> '"
                            + wanted + "' in settings.xml cannot be decrypted: "
                            + (colon < 0 ? message : message.substring(0, colon))
                            + "; check ~/.m2/settings-security.xml (mvn --encrypt-master-password)", null);
                }
            }
            if (result.getServer() != null) {
                server = result.getServer();
            }
        }
        String password = server.getPassword();
        Map<String, String> headers = httpHeaders(server, wanted, parameter, property);
        if ((password == null || password.isEmpty()) && headers.isEmpty()) {
            throw AbstractAssessmentMojo.parameterError(parameter, property, "<server> '" + wanted
                    + "' in settings.xml has no <password> (a password, or a token with no <username>) and no "
                    + "<configuration><httpHeaders>", null);
        }
        String username = server.getUsername();
        try {
            return new IndexCredentials(wanted, username == null ? "" : username.strip(), password, headers);
        } catch (IllegalArgumentException e) {
            throw AbstractAssessmentMojo.parameterError(parameter, property, e.getMessage(), e);
        }
    }

    /** The {@code <httpHeaders>} of the server's configuration, by name in order (values unchecked here). */
    static Map<String, String> httpHeaders(Server server, String id, String parameter, String property)
            throws MojoExecutionException {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!(server.getConfiguration() instanceof Xpp3Dom configuration)) {
            return headers;
        }
        Xpp3Dom list = configuration.getChild("httpHeaders");
        if (list == null) {
            return headers;
        }
        for (Xpp3Dom entry : list.getChildren()) {
            Xpp3Dom name = entry.getChild("name");
            Xpp3Dom value = entry.getChild("value");
            if (!"property".equals(entry.getName()) || name == null || name.getValue() == null
                    || name.getValue().isBlank()) {
                throw AbstractAssessmentMojo.parameterError(parameter, property, "<server> '" + id + "' in "
                        + "settings.xml has an <httpHeaders> entry <" + entry.getName() + "> that is not "
                        + "<property><name>Header-Name</name><value>…</value></property>", null);
            }
            headers.put(name.getValue().strip(), value == null || value.getValue() == null ? "" : value.getValue());
        }
        return headers;
    }
}
