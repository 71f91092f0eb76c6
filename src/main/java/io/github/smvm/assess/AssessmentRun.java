package io.github.smvm.assess;

import io.github.smvm.index.CachingTransport;
import io.github.smvm.index.CompositeIndex;
import io.github.smvm.index.DiskCache;
import io.github.smvm.index.FindLinksSource;
import io.github.smvm.index.HttpTransport;
import io.github.smvm.index.IndexClient;
import io.github.smvm.index.IndexCredentials;
import io.github.smvm.index.IndexOptions;
import io.github.smvm.index.IndexStrategy;
import io.github.smvm.index.JdkHttpTransport;
import io.github.smvm.index.MetadataFetcher;
import io.github.smvm.index.Netrc;
import io.github.smvm.index.OfflineTransport;
import io.github.smvm.index.ProxyConfig;
import io.github.smvm.index.RetryingTransport;
import io.github.smvm.index.Sleeper;
import io.github.smvm.index.TlsTrust;
import io.github.smvm.index.Urls;
import io.github.smvm.metadata.CoreMetadata;
import io.github.smvm.policy.HealthPolicy;
import io.github.smvm.policy.PolicySettings;
import io.github.smvm.probe.Discovery;
import io.github.smvm.probe.InterpreterRequest;
import io.github.smvm.probe.Match;
import io.github.smvm.probe.ProbeException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/**
 * One assessment from configuration to outcome: read the requirements, find the interpreters, build
 * the environments, read the indexes, decide, and apply the policy.
 */
public final class AssessmentRun {

    /** pip's default index. */
    public static final String DEFAULT_INDEX_URL = "https://pypi.org/simple/";

    /**
     * What to assess and where to look.
     *
     * @param indexSettings the indexes and find-links configured in the pom and pip's configuration
     *     (requirements files may add more)
     * @param indexStrategy how a project on more than one index is read
     * @param authentication credentials of the indexes
     */
    public record Config(RequirementsLoader.Sources sources, InterpreterRequest primary, InterpreterRequest fallback,
            List<String> targets, IndexSettings indexSettings, boolean transitive, boolean pre, NetworkSettings network,
            IndexStrategy indexStrategy, IndexAuthentication authentication) {

        /** Without credentials. */
        public Config(RequirementsLoader.Sources sources, InterpreterRequest primary, InterpreterRequest fallback,
                List<String> targets, IndexSettings indexSettings, boolean transitive, boolean pre,
                NetworkSettings network, IndexStrategy indexStrategy) {
            this(sources, primary, fallback, targets, indexSettings, transitive, pre, network, indexStrategy,
                    IndexAuthentication.none());
        }

        public Config {
            Objects.requireNonNull(sources, "sources");
            Objects.requireNonNull(primary, "primary");
            Objects.requireNonNull(fallback, "fallback");
            targets = List.copyOf(targets);
            Objects.requireNonNull(indexSettings, "indexSettings");
            Objects.requireNonNull(network, "network");
            Objects.requireNonNull(indexStrategy, "indexStrategy");
            Objects.requireNonNull(authentication, "authentication");
        }

        /** The configured index; {@code null} for the requirements files' {@code --index-url} or pip's default. */
        public String indexUrl() {
            return indexSettings.indexUrl();
        }

        /** Indexes consulted in addition (requirements files may add more). */
        public List<String> extraIndexUrls() {
            return indexSettings.extraIndexUrls();
        }

        /** Directories or pages of files consulted in addition. */
        public List<String> findLinks() {
            return indexSettings.findLinks();
        }

        /** Consult only find-links. */
        public boolean noIndex() {
            return indexSettings.noIndex();
        }
    }

    /**
     * @param sources the index and find-links locations consulted, without credentials or query values
     * @param warnings input accepted with a remark, each naming its place
     * @param notes what the run did besides deciding, for the log: pip's configuration, offline mode, the
     *     cache's summary
     * @param indexSources every setting that said where to look, with its origin
     */
    public record Result(AssessmentOutcome outcome, List<String> sources, List<String> warnings, List<String> notes,
            List<IndexSource> indexSources) {
        public Result {
            indexSources = List.copyOf(indexSources);
            sources = List.copyOf(sources);
            warnings = List.copyOf(warnings);
            notes = List.copyOf(notes);
        }
    }

    private AssessmentRun() {}

    /**
     * @param discovery finds the primary and fallback interpreters (give it a caching probe)
     * @param environmentVariables what {@code ${VAR}} in requirements files expands to
     * @param progress receives one line per step
     * @throws io.github.smvm.requirements.RequirementsFileException for malformed input (names file and line)
     * @throws InvalidConfigurationException for a configuration value that cannot be used
     */
    public static Result run(Config config, PolicySettings policy, Discovery discovery,
            Map<String, String> environmentVariables, Consumer<String> progress) {
        // the JVM's default TLS context (CA certificates, providers) takes 150-200 ms of CPU to set up, and the
        // JDK's HTTP client makes it when it is built: when an https source or a proxy will need that client, the
        // context is made on another thread while the targets and requirements are read (plain-http requests
        // that go directly do without both, and a redirect to https builds them when it comes)
        boolean tls = !config.network().offline() && (!config.network().proxy().isEmpty() || (config.noIndex()
                ? anyHttps(config.findLinks())
                : config.indexUrl() == null || anyHttps(List.of(config.indexUrl())) || anyHttps(config.extraIndexUrls())
                        || anyHttps(config.findLinks())));
        if (tls) {
            prepareTlsInBackground();
        }
        List<AssessedEnvironment> targets = new ArrayList<>();
        for (String target : config.targets()) {
            try {
                targets.add(Environments.ofTarget(target.strip()));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("targets", e.getMessage(), e);
            }
        }
        if (config.sources().isEmpty()) {
            throw new InvalidConfigurationException("requirements", "there is nothing to assess: configure "
                    + "<requirements>, <pyproject>, <pylock> or <packages> (the default requirements.txt does not exist)",
                    null);
        }
        RequirementsLoader.Loaded loaded = new RequirementsLoader(environmentVariables).load(config.sources());
        progress.accept("read " + loaded.requirements().size() + " requirements");
        if (!tls && !config.network().offline() && (anyHttps(loaded.options().extraIndexUrls())
                || anyHttps(loaded.options().findLinks()) || loaded.options().indexUrl() != null
                && anyHttps(List.of(loaded.options().indexUrl())))) {
            prepareTlsInBackground(); // the requirements files name an https source
        }

        // the interpreters are found (probing them runs child processes) while the index is read, the primary
        // and the fallback at the same time (a candidate both look at is probed once: give discovery a caching probe)
        ExecutorService background = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "smvm-interpreters");
            thread.setDaemon(true);
            return thread;
        });
        long start = System.nanoTime();
        CompletableFuture<AssessedEnvironment> primary = CompletableFuture.supplyAsync(
                () -> interpreter("primary", Role.PRIMARY, config.primary(), discovery, progress), background);
        CompletableFuture<AssessedEnvironment> fallback = CompletableFuture.supplyAsync(
                () -> interpreter("fallback", Role.FALLBACK, config.fallback(), discovery, progress), background);
        CompletableFuture<List<AssessedEnvironment>> interpreters = primary.thenCombine(fallback, (p, f) -> {
            progress.accept("interpreters found in " + (System.nanoTime() - start) / 1_000_000 + " ms");
            return List.of(p, f);
        });
        try {
            return run(config, policy, loaded, interpreters, targets, progress);
        } finally {
            interpreters.cancel(true);
            background.shutdownNow();
        }
    }

    private static Result run(Config config, PolicySettings policy, RequirementsLoader.Loaded loaded,
            CompletableFuture<List<AssessedEnvironment>> interpreters, List<AssessedEnvironment> targets,
            Consumer<String> progress) {

        NetworkSettings network = config.network();
        IndexOptions indexOptions = IndexOptions.defaults().withTimeout(network.httpTimeout())
                .withMaxInFlight(network.concurrency()).withMaxBytes(network.maxResponseBytes());
        List<String> notes = new ArrayList<>(config.indexSettings().notes());
        DiskCache cache = network.cacheDirectory() == null ? null
                : new DiskCache(network.cacheDirectory(), Clock.systemUTC(), progress);
        // offline: nothing leaves the machine, and cached entries are used however old they are
        if (network.offline()) {
            notes.add("offline: no request leaves the machine; "
                    + (cache == null ? "the disk cache is off, so only file:// indexes and find-links directories are used"
                            : "http(s) sources are answered from the cache in " + cache.directory() + " only"));
        }
        List<IndexClient> clients = new ArrayList<>();
        List<IndexSource> indexSources = new ArrayList<>();
        ProxyConfig proxy = network.proxy();
        if (!network.offline() && !proxy.isEmpty()) {
            notes.add("proxy: " + proxy.describe());
        }
        Map<String, String> origins = config.indexSettings().origins();
        Set<String> indexes = new LinkedHashSet<>();
        boolean noIndex = config.noIndex() || loaded.options().noIndex();
        String mainIndex = null;
        if (config.noIndex()) {
            indexSources.add(new IndexSource("no-index", "true", origins.get("no-index")));
        } else if (loaded.options().noIndex()) {
            indexSources.add(new IndexSource("no-index", "true", "requirements"));
        }
        if (!noIndex) {
            // precedence: the pom, then the requirements files' --index-url, then pip's configuration (which a
            // requirements file overrides in pip too), then pip's default
            String configured = config.indexUrl();
            boolean fromPom = configured != null && IndexSettings.POM.equals(origins.get("index-url"));
            String index;
            String origin;
            if (fromPom || (configured != null && loaded.options().indexUrl() == null)) {
                index = configured;
                origin = origins.get("index-url");
            } else if (loaded.options().indexUrl() != null) {
                index = loaded.options().indexUrl();
                origin = "requirements";
            } else {
                index = DEFAULT_INDEX_URL;
                origin = "default";
            }
            indexes.add(index);
            mainIndex = index;
            indexSources.add(new IndexSource("index-url", IndexSettings.location(index), origin));
            for (String extra : config.extraIndexUrls()) {
                if (indexes.add(extra)) {
                    indexSources.add(new IndexSource("extra-index-url", IndexSettings.location(extra),
                            origins.get("extra-index-url")));
                }
            }
            for (String extra : loaded.options().extraIndexUrls()) {
                if (indexes.add(extra)) {
                    indexSources.add(new IndexSource("extra-index-url", IndexSettings.location(extra), "requirements"));
                }
            }
        }
        Map<String, IndexCredentials> credentials = credentials(config.authentication(), mainIndex, indexes);
        Map<URI, IndexCredentials> byUrl = new LinkedHashMap<>();
        credentials.forEach((index, c) -> {
            try {
                byUrl.put(IndexClient.toUri(index), c);
            } catch (IllegalArgumentException e) {
                // an unusable URL: its client reports it
            }
        });
        if (!credentials.isEmpty()) {
            progress.accept("credentials: " + String.join(", ", credentials.entrySet().stream()
                    .map(e -> IndexSettings.location(e.getKey()) + " from <server> '" + e.getValue().serverId() + "'")
                    .toList()));
        }
        Netrc netrc = config.authentication().netrc();
        for (String index : indexes) {
            URI url = httpUri(index);
            if (url != null && !credentials.containsKey(index) && url.getUserInfo() == null
                    && netrc.forHost(url.getHost()).isPresent()) {
                progress.accept("credentials: " + Urls.redactSecrets(url) + " from " + netrc.source()
                        + " (netrc, as pip)");
            }
        }
        TlsTrust trust = network.offline() ? TlsTrust.jdkDefaults() : trust(config.indexSettings(), progress);
        HttpTransport wire;
        try {
            wire = network.offline() ? new OfflineTransport()
                : new RetryingTransport(new JdkHttpTransport(indexOptions, byUrl, proxy.isEmpty() ? null : proxy,
                        trust, netrc), network.retry(), Sleeper.system(),
                        () -> ThreadLocalRandom.current().nextDouble(), Clock.systemUTC(), progress);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException("extraIndexServerIds", e.getMessage(), e);
        }
        Duration ttl = network.offline() ? ChronoUnit.FOREVER.getDuration() : network.cacheTtl();
        String partition = cache == null ? null : credentialPartition(credentials, netrc, indexes, config.findLinks());
        if (partition != null) {
            // pages read with credentials are kept apart from those read without (or with others), so that a
            // build sharing the cache directory is never served what only these credentials may read
            cache = new DiskCache(cache.directory().resolve(partition), Clock.systemUTC(), progress);
        }
        HttpTransport transport = cache == null ? wire : new CachingTransport(wire, cache, ttl, progress);
        List<IndexClient> indexClients = new ArrayList<>();
        for (String index : indexes) {
            IndexCredentials c = credentials.get(index);
            indexClients.add(client("indexUrl", index,
                    () -> IndexClient.simpleIndex(index, transport, indexOptions, c == null ? null : c.hint())));
        }
        clients.addAll(indexClients);
        List<IndexClient> linkClients = new ArrayList<>();
        Set<String> findLinks = new LinkedHashSet<>();
        for (String location : config.findLinks()) {
            if (findLinks.add(location)) {
                indexSources.add(new IndexSource("find-links", IndexSettings.location(location),
                        origins.get("find-links")));
            }
        }
        for (String location : loaded.options().findLinks()) {
            if (findLinks.add(location)) {
                indexSources.add(new IndexSource("find-links", IndexSettings.location(location), "requirements"));
            }
        }
        if (config.indexSettings().cert() != null) {
            indexSources.add(new IndexSource("cert", config.indexSettings().cert(), origins.get("cert")));
        }
        if (!network.offline()) {
            proxy.byScheme().forEach((scheme, p) -> indexSources.add(new IndexSource(scheme + "-proxy",
                    "http://" + p.address(), p.source())));
        }
        for (String location : findLinks) {
            linkClients.add(client("findLinks", location, () -> new FindLinksSource(location, transport, indexOptions)));
        }
        clients.addAll(linkClients);
        if (config.indexStrategy() == IndexStrategy.FIRST_INDEX && indexClients.size() > 1) {
            // uv's priority: the extra indexes, in order, before the main one, so that a public default
            // index cannot override a project of a private extra index
            indexClients.add(indexClients.remove(0));
            progress.accept("first-index: indexes are asked in the order "
                    + String.join(", ", indexClients.stream().map(c -> Urls.redactSecrets(c.location())).toList()));
        }
        if (clients.isEmpty()) {
            throw new InvalidConfigurationException("noIndex", "--no-index is set and there are no find-links: "
                    + "there is nowhere to look for packages", null);
        }
        List<String> sourceNames = clients.stream().map(c -> Urls.redactSecrets(c.location())).toList();
        progress.accept("reading " + String.join(", ", sourceNames));
        CompositeIndex index = new CompositeIndex(indexClients, linkClients, config.indexStrategy(), indexOptions);
        MetadataFetcher fetcher = new MetadataFetcher(wire, indexOptions, cache, ttl);
        MetadataSource metadata = file -> CoreMetadata.parse(file.filename() + "!METADATA", fetcher.fetchMetadata(file));
        ExecutorService executor = Executors.newFixedThreadPool(network.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "smvm-metadata");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // the targets' work and the reading of pages start at once; the interpreters join when found
            Assessor assessor = new Assessor(index, metadata, executor,
                    new AssessmentOptions(config.transitive(), config.pre() || loaded.options().pre(), loaded.constraints()),
                    progress);
            long assessStart = System.nanoTime();
            List<EnvironmentResult> results = assessor.assess(loaded.requirements(), interpreters, targets);
            progress.accept("assessed in " + (System.nanoTime() - assessStart) / 1_000_000 + " ms");
            if (cache != null) {
                notes.add(cache.summary());
            }
            List<String> warnings = new ArrayList<>(loaded.warnings());
            warnings.addAll(indexWarnings(results));
            return new Result(AssessmentOutcome.of(results, new HealthPolicy(policy)), sourceNames, warnings, notes,
                    indexSources);
        } finally {
            executor.shutdownNow();
        }
    }

    /**
     * The authorities HTTPS requests trust: the JDK's, plus the CA bundle of {@code caBundle} or pip's
     * {@code cert}.
     *
     * @throws InvalidConfigurationException naming {@code caBundle} (or {@code usePipConfig} for pip's
     *     {@code cert}), the file and what is wrong with it
     */
    static TlsTrust trust(IndexSettings settings, Consumer<String> progress) {
        if (settings.cert() == null) {
            return TlsTrust.jdkDefaults();
        }
        String origin = settings.origins().get("cert");
        boolean pom = IndexSettings.POM.equals(origin);
        try {
            TlsTrust trust = TlsTrust.withBundle(java.nio.file.Path.of(settings.cert()).toAbsolutePath());
            progress.accept("TLS: trusting " + trust.describe() + (pom ? "" : " (pip's cert, " + origin + ")"));
            return trust;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(pom ? "caBundle" : "usePipConfig", (pom ? "" : "pip's cert ("
                    + origin + "): ") + e.getMessage(), e);
        }
    }

    /** The index's URL when it is http(s), else {@code null}. */
    private static URI httpUri(String index) {
        try {
            URI uri = IndexClient.toUri(index);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            return scheme.equals("http") || scheme.equals("https") ? uri : null;
        } catch (IllegalArgumentException e) {
            return null; // its client reports it
        }
    }

    /**
     * The cache subdirectory for what these credentials read ({@code auth-} and 16 hex digits of a SHA-256 over
     * every credential in use), or {@code null} when no request carries any.
     */
    static String credentialPartition(Map<String, IndexCredentials> credentials, Netrc netrc,
            Collection<String> indexes, Collection<String> findLinks) {
        List<String> parts = new ArrayList<>();
        credentials.forEach((index, c) -> {
            parts.add("server " + index + " " + c.authorization());
            new TreeMap<>(c.headers()).forEach((name, value) -> parts.add("header " + index + " " + name + " " + value));
        });
        List<String> locations = new ArrayList<>(indexes);
        locations.addAll(findLinks);
        for (String location : locations) {
            URI url = httpUri(location);
            if (url == null) {
                continue;
            }
            if (url.getRawUserInfo() != null) {
                parts.add("userinfo " + url.getRawUserInfo() + "@" + url.getHost());
            } else if (!credentials.containsKey(location)) {
                netrc.forHost(url.getHost()).ifPresent(login ->
                        parts.add("netrc " + url.getHost() + " " + login.user() + " " + login.password()));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        Collections.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return "auth-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static boolean anyHttps(Collection<String> locations) {
        return locations.stream().anyMatch(l -> l.strip().regionMatches(true, 0, "https:", 0, 6));
    }

    private static void prepareTlsInBackground() {
        Thread thread = new Thread(AssessmentRun::prepareTls, "smvm-tls-setup");
        thread.setDaemon(true);
        thread.start();
    }

    private static void prepareTls() {
        try {
            SSLContext.getDefault();
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            // the HTTP client meets the same problem and reports it
        }
    }

    /** The configured credentials by the index URL they are for, among the indexes read. */
    private static Map<String, IndexCredentials> credentials(IndexAuthentication authentication, String mainIndex,
            Set<String> indexes) {
        Map<String, IndexCredentials> result = new LinkedHashMap<>();
        authentication.extraIndexes().forEach((url, c) -> {
            if (indexes.contains(url)) {
                result.put(url, c);
            }
        });
        if (authentication.index() != null && mainIndex != null) {
            result.put(mainIndex, authentication.index());
        }
        return result;
    }

    /** Every distinct index warning of every package and dependency. */
    private static Set<String> indexWarnings(List<EnvironmentResult> results) {
        Set<String> warnings = new LinkedHashSet<>();
        for (EnvironmentResult result : results) {
            for (PackageResult p : result.packages()) {
                warnings.addAll(p.indexWarnings());
                p.dependencies().forEach(d -> warnings.addAll(d.indexWarnings()));
            }
        }
        return warnings;
    }

    private static IndexClient client(String parameter, String location, java.util.function.Supplier<IndexClient> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(parameter, "cannot use '" + location + "': " + e.getMessage(), e);
        }
    }

    private static AssessedEnvironment interpreter(String id, Role role, InterpreterRequest request,
            Discovery discovery, Consumer<String> progress) {
        try {
            Match match = discovery.find(request);
            progress.accept(id + ": " + match.explanation());
            return Environments.ofInterpreter(id, role, match.info(), match.interpreter().executable().toString());
        } catch (ProbeException e) {
            progress.accept(id + ": unavailable: " + e.shortReason());
            return AssessedEnvironment.unavailable(id, role, e.getMessage());
        } catch (IllegalArgumentException e) {
            return AssessedEnvironment.unavailable(id, role, "the interpreter for " + request.describe()
                    + " reported a platform no wheel tags can be made for: " + e.getMessage());
        }
    }
}
