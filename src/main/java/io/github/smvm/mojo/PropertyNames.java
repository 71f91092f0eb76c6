package io.github.smvm.mojo;

/** The user properties the goals read; every one starts with {@code smvm.}. */
final class PropertyNames {
    static final String SKIP = "smvm.skip";
    static final String INTERPRETERS_SKIP = "smvm.interpreters.skip";
    static final String PRIMARY = "smvm.primary";
    static final String FALLBACK = "smvm.fallback";
    static final String PROBE_TIMEOUT = "smvm.probeTimeout";
    static final String OUTPUT_DIRECTORY = "smvm.outputDirectory";
    static final String ASSESS_SKIP = "smvm.assess.skip";
    static final String REQUIREMENTS = "smvm.requirements";
    static final String CONSTRAINTS = "smvm.constraints";
    static final String PYPROJECT = "smvm.pyproject";
    static final String PYPROJECT_EXTRAS = "smvm.pyproject.extras";
    static final String DEPENDENCY_GROUPS = "smvm.pyproject.groups";
    static final String PYLOCK = "smvm.pylock";
    static final String TARGETS = "smvm.targets";
    static final String INDEX_URL = "smvm.indexUrl";
    static final String EXTRA_INDEX_URLS = "smvm.extraIndexUrls";
    static final String INDEX_SERVER_ID = "smvm.indexServerId";
    static final String EXTRA_INDEX_SERVER_IDS = "smvm.extraIndexServerIds";
    static final String FIND_LINKS = "smvm.findLinks";
    static final String NO_INDEX = "smvm.noIndex";
    static final String THRESHOLD = "smvm.threshold";
    static final String CRITICAL = "smvm.critical";
    static final String IGNORE = "smvm.ignore";
    static final String ON_DEGRADED = "smvm.onDegraded";
    static final String FAIL_ON_ERROR = "smvm.failOnError";
    static final String TRANSITIVE = "smvm.transitive";
    static final String PRE = "smvm.pre";
    static final String HTTP_TIMEOUT = "smvm.httpTimeout";
    static final String CONCURRENCY = "smvm.concurrency";
    static final String FORMATS = "smvm.formats";
    static final String HISTORY = "smvm.history";
    static final String HISTORY_LIMIT = "smvm.historyLimit";
    static final String RETRIES = "smvm.retries";
    static final String MAX_RESPONSE_SIZE = "smvm.maxResponseSize";
    static final String CACHE_DIRECTORY = "smvm.cacheDirectory";
    static final String CACHE_TTL = "smvm.cacheTtl";
    static final String NO_CACHE = "smvm.noCache";
    static final String OFFLINE = "smvm.offline";
    static final String INDEX_STRATEGY = "smvm.indexStrategy";
    static final String USE_PIP_CONFIG = "smvm.usePipConfig";
    static final String CA_BUNDLE = "smvm.caBundle";
    static final String FALLBACK_SKIP = "smvm.fallback.skip";
    static final String VENV = "smvm.venv";
    static final String FALLBACK_FORCE = "smvm.fallback.force";
    static final String RESTORE_PRIMARY = "smvm.fallback.restorePrimary";
    static final String ONLY_BINARY = "smvm.onlyBinary";
    static final String VERIFY_IMPORTS = "smvm.verifyImports";
    static final String KEEP_BACKUPS = "smvm.keepBackups";
    static final String INSTALL_TIMEOUT = "smvm.fallback.installTimeout";
    static final String LOCK_TIMEOUT = "smvm.fallback.lockTimeout";
    /** Set by the goals for later plugins. */
    static final String SELECTED_PYTHON = "smvm.selected.python";
    static final String SELECTED_VERSION = "smvm.selected.version";
    static final String WHEEL_STATUS = "smvm.wheel.status";
    /** smvm:vendor-report. */
    static final String VENDOR_REPORT_SKIP = "smvm.vendorReport.skip";
    static final String VENDOR_REPORT_ONLY_WHEN_DEGRADED = "smvm.vendorReport.onlyWhenDegraded";
    static final String VENDOR_REPORT_AFFECTED_USERS = "smvm.vendorReport.affectedUsers";
    static final String VENDOR_REPORT_ESTIMATED_RESOLUTION_TIME = "smvm.vendorReport.estimatedResolutionTime";
    static final String VENDOR_REPORT_CONTACT = "smvm.vendorReport.contact";
    static final String VENDOR_REPORT_FALLBACK_LOG = "smvm.vendorReport.fallbackLog";

    private PropertyNames() {}
}
