package io.github.smvm.fallback;

import io.github.smvm.assess.AssessmentRun;
import io.github.smvm.assess.IndexAuthentication;
import io.github.smvm.assess.IndexSettings;
import io.github.smvm.index.IndexCredentials;
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
 * @param requirementLines everything read, for the inputs digest
 * @param warnings credentials that could not be handed to pip
 */
public record FallbackInputs(PipSettings pip, List<String> requirementLines, List<String> warnings) {

    public FallbackInputs {
        requirementLines = List.copyOf(requirementLines);
        warnings = List.copyOf(warnings);
    }

    public FallbackInputs(PipSettings pip, List<String> requirementLines) {
        this(pip, requirementLines, List.of());
    }

    /**
     * @param environment what {@code ${VAR}} in requirements files expands to
     * @throws io.github.smvm.requirements.RequirementsFileException for malformed input (file and line)
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
        IndexAuthentication auth = config.authentication();
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
        PipSettings pip = new PipSettings(sources.requirementFiles(), sources.constraintFiles(), extra,
                indexUrl, extraIndexUrls, config.findLinks(), config.noIndex(), onlyBinary,
                config.pre(), hashes, config.indexSettings().cert(), config.network().proxy());
        config.network().proxy().pipEnvironment(warnings);
        return new FallbackInputs(pip, lines, warnings);
    }

    /** {@code url} with the credentials as its user-info, percent-encoded; unchanged for a bearer token. */
    static String withCredentials(String url, IndexCredentials credentials, List<String> warnings) {
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
