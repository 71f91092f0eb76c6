package io.github.smvm.fallback;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexAuthentication;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.Urls;
import java.net.URI;
import io.github.smvm.assess.RequirementsLoader;
import io.github.smvm.assess.TopLevelRequirement;
import io.github.smvm.pep508.Requirement;
import io.github.smvm.venv.PipSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The requirements and sources of an assessment, as pip installs them: requirements and constraints
 * files are passed to pip as they are (so pip reads their includes, hashes and options itself); the
 * requirements of pyproject.toml, pylock.toml and the pom become lines of a generated file.
 *
 * <p>Configured index credentials reach pip as user-info (percent-encoded) in {@code PIP_INDEX_URL} and
 * {@code PIP_EXTRA_INDEX_URL}, never on its command line, and {@link PipSettings#secrets()} scrubs them.
 * pip cannot be given a bearer token through its environment: such credentials are left out, with a
 * warning. The proxies of the assessment reach pip through its environment too (see {@link PipSettings#proxy()});
 * {@code <nonProxyHosts>} patterns pip's {@code NO_PROXY} cannot express are warned about.
 *
 * <p>Offline ({@code -o} or {@code smvm.offline}), pip must not reach the network: it gets
 * {@code PIP_NO_INDEX=1} and only the local find-links (directories and {@code file:} URLs); when there is
 * no local find-links location, or a requirements file names a remote one (which pip would read itself),
 * {@link Offline} is thrown before anything is built.
 *
 * @param requirementLines everything read, for the inputs digest
 * @param warnings credentials that could not be handed to pip, remote find-links left out offline
 */
public record FallbackInputs(PipSettings pip, List<String> requirementLines, List<String> warnings) {

    public FallbackInputs {
        requirementLines = List.copyOf(requirementLines);
        warnings = List.copyOf(warnings);
    }

    public FallbackInputs(PipSettings pip, List<String> requirementLines) {
        this(pip, requirementLines, List.of());
    }

    /** The build is offline and pip would need the network to install the requirements. */
    public static final class Offline extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        Offline(String message) {
            super(message);
        }
    }

    /**
     * @param environment what {@code ${VAR}} in requirements files expands to
     * @throws io.github.smvm.requirements.RequirementsFileException for malformed input (file and line)
     * @throws Offline when the build is offline and pip could only install from the network
     */
    public static FallbackInputs of(AssessmentRun.Config config, boolean onlyBinary, Map<String, String> environment) {
        RequirementsLoader.Sources sources = config.sources();
        RequirementsLoader loader = new RequirementsLoader(environment);
        RequirementsLoader.Loaded all = loader.load(sources);
        RequirementsLoader.Sources others = new RequirementsLoader.Sources(List.of(), List.of(), sources.pyproject(),
                sources.pyprojectExtras(), sources.dependencyGroups(), sources.pylock(), sources.packages());
        List<String> extra = new ArrayList<>();
        if (!others.isEmpty()) {
            loader.load(others).requirements().forEach(top -> extra.add(top.written()));
        }
        boolean hashes = all.requirements().stream().anyMatch(top -> !top.hashes().isEmpty());
        List<String> lines = new ArrayList<>();
        for (TopLevelRequirement top : all.requirements()) {
            lines.add(top.written() + " " + String.join(" ", sortedHashes(top.hashes())));
        }
        for (Requirement constraint : all.constraints()) {
            lines.add("constraint " + constraint);
        }
        List<String> warnings = new ArrayList<>();
        boolean offline = config.network().offline();
        IndexAuthentication auth = offline ? IndexAuthentication.none() : config.authentication();
        String indexUrl = config.indexUrl();
        if (auth.index() != null) {
            if (indexUrl == null) {
                warnings.add("the credentials of <server> '" + auth.index().serverId() + "' are not passed to pip: "
                        + "the index comes from a requirements file or pip's default, whose URL pip reads itself; "
                        + "set <indexUrl> to pass them");
            } else {
                indexUrl = withCredentials(indexUrl, auth.index(), warnings);
            }
        }
        List<String> extraIndexUrls = new ArrayList<>();
        for (String url : config.extraIndexUrls()) {
            IndexCredentials c = auth.extraIndexes().get(url);
            extraIndexUrls.add(c == null ? url : withCredentials(url, c, warnings));
        }
        List<String> findLinks = config.findLinks();
        boolean noIndex = config.noIndex();
        if (offline) {
            findLinks = offlineFindLinks(config.findLinks(), all.options().findLinks(), warnings);
            noIndex = true;
            indexUrl = null;
            extraIndexUrls = List.of();
        }
        PipSettings pip = new PipSettings(sources.requirementFiles(), sources.constraintFiles(), extra,
                indexUrl, extraIndexUrls, findLinks, noIndex, onlyBinary,
                config.pre(), hashes, config.indexSettings().cert(), offline ? ProxyConfig.none() : config.network().proxy());
        if (!offline) {
            config.network().proxy().pipEnvironment(warnings);
        }
        return new FallbackInputs(pip, lines, warnings);
    }

    /**
     * The local find-links pip may read offline; remote ones are left out with a warning.
     *
     * @param fromRequirements the requirements files' own {@code --find-links}, which pip reads itself
     * @throws Offline when a requirements file names a remote location, or nothing local is left
     */
    static List<String> offlineFindLinks(List<String> configured, List<String> fromRequirements,
            List<String> warnings) {
        String how = "the build is offline (Maven's -o or smvm.offline) and smvm:fallback keeps pip off the network "
                + "(PIP_NO_INDEX=1, local find-links only)";
        List<String> remote = fromRequirements.stream().filter(FallbackInputs::isRemote).toList();
        if (!remote.isEmpty()) {
            throw new Offline(how + ", but a requirements file names the find-links location "
                    + IndexSettings.location(remote.get(0)) + ", which pip would read over the network: "
                    + "run without -o/smvm.offline, or point it at a local directory");
        }
        List<String> local = new ArrayList<>();
        for (String location : configured) {
            if (isRemote(location)) {
                warnings.add("offline: find-links " + IndexSettings.location(location) + " is not given to pip");
            } else {
                local.add(location);
            }
        }
        if (local.isEmpty() && fromRequirements.isEmpty()) {
            throw new Offline(how + ", and there is no local find-links directory to install from, so the "
                    + "requirements can only come from an index over the network: run without -o/smvm.offline, "
                    + "or set <findLinks> (smvm.findLinks) to a directory of wheels");
        }
        return local;
    }

    private static boolean isRemote(String location) {
        int colon = location.indexOf("://");
        if (colon < 0) {
            return false;
        }
        String scheme = location.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
        return !scheme.equals("file");
    }

    /** {@code url} with the credentials as its user-info, percent-encoded; unchanged for a bearer token. */
    static String withCredentials(String url, IndexCredentials credentials, List<String> warnings) {
        if (!credentials.headers().isEmpty()) {
            warnings.add("the <httpHeaders> of <server> '" + credentials.serverId() + "' ("
                    + String.join(", ", credentials.headers().keySet()) + ") are not passed to pip, which cannot "
                    + "send custom headers: pip reads " + IndexSettings.location(url) + " without them");
            if (!credentials.hasAuthorization()) {
                return url;
            }
        }
        if (credentials.isToken()) {
            warnings.add("the token of <server> '" + credentials.serverId() + "' is not passed to pip, which "
                    + "cannot send a bearer token: pip reads " + IndexSettings.location(url)
                    + " without it (give the server a <username> to use Basic authentication, or configure "
                    + "pip's keyring)");
            return url;
        }
        URI uri;
        try {
            uri = Urls.withoutUserInfo(Urls.parseLenient(url));
        } catch (IllegalArgumentException e) {
            return url;
        }
        String authority = uri.getRawAuthority();
        if (uri.getScheme() == null || authority == null) {
            return url;
        }
        String userInfo = Urls.percentEncode(credentials.username()) + ":" + Urls.percentEncode(credentials.password());
        String text = uri.toString();
        int at = text.indexOf(authority, uri.getScheme().length());
        return text.substring(0, at) + userInfo + "@" + text.substring(at);
    }

    private static List<String> sortedHashes(Set<String> hashes) {
        return hashes.stream().sorted().toList();
    }
}
