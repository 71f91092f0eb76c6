package io.github.smvm.requirements;

import java.io.IOException;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads pip requirements files ({@code pip install -r}) and the files they include, following
 * pip's "Requirements File Format": comments, {@code \} continuations, {@code ${VAR}} expansion,
 * {@code -r}/{@code -c} includes relative to the including file, global options and
 * per-requirement options.
 *
 * <p>Requirement texts are kept as written (PEP 508 strings, bare URLs, bare paths); they are not
 * parsed here. Relative paths in requirement lines are kept as written: pip resolves those against
 * its working directory, not against the file.
 *
 * <p>Each {@code parse} call keeps its own state, so an instance can be shared.
 */
public final class RequirementsFileParser {

    private final Map<String, String> environment;

    /**
     * @param environment the variables {@code ${NAME}} expands to (typically {@code System.getenv()}
     *                    passed by the caller); an unset or empty variable is left as written, as pip
     *                    does
     */
    public RequirementsFileParser(Map<String, String> environment) {
        this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
    }

    /** Reads one requirements file (and what it includes). */
    public RequirementInputs parse(Path requirementsFile) {
        return parse(List.of(requirementsFile), List.of());
    }

    /**
     * Reads requirements files and constraints files as {@code pip install -r a -r b -c c} would,
     * in that order: requirement files first, then constraint files.
     */
    public RequirementInputs parse(List<Path> requirementFiles, List<Path> constraintFiles) {
        Run run = new Run();
        for (Path file : requirementFiles) {
            run.readFile(file, false, null);
        }
        for (Path file : constraintFiles) {
            run.readFile(file, true, null);
        }
        return new RequirementInputs(run.requirements, run.constraints, run.options.build(), run.warnings);
    }

    // ---------------------------------------------------------------------------------------------
    // Options

    private enum Opt {
        INDEX_URL("--index-url", "-i", true, false),
        EXTRA_INDEX_URL("--extra-index-url", null, true, false),
        NO_INDEX("--no-index", null, false, false),
        CONSTRAINT("--constraint", "-c", true, false),
        REQUIREMENT("--requirement", "-r", true, false),
        EDITABLE("--editable", "-e", true, false),
        FIND_LINKS("--find-links", "-f", true, false),
        NO_BINARY("--no-binary", null, true, false),
        ONLY_BINARY("--only-binary", null, true, false),
        PREFER_BINARY("--prefer-binary", null, false, false),
        REQUIRE_HASHES("--require-hashes", null, false, false),
        PRE("--pre", null, false, false),
        TRUSTED_HOST("--trusted-host", null, true, false),
        USE_FEATURE("--use-feature", null, true, false),
        GLOBAL_OPTION("--global-option", null, true, true),
        HASH("--hash", null, true, true),
        CONFIG_SETTINGS("--config-settings", "-C", true, true);

        final String longName;
        final String shortName;
        final boolean takesValue;
        final boolean perRequirement;

        Opt(String longName, String shortName, boolean takesValue, boolean perRequirement) {
            this.longName = longName;
            this.shortName = shortName;
            this.takesValue = takesValue;
            this.perRequirement = perRequirement;
        }

        String display() {
            return shortName == null ? longName : shortName + "/" + longName;
        }
    }

    static final String SUPPORTED_OPTIONS = java.util.Arrays.stream(Opt.values())
            .map(Opt::display).collect(Collectors.joining(", "));

    private static final Set<String> STRONG_HASHES = Set.of("sha256", "sha384", "sha512");

    private record OptValue(Opt opt, String value) {
    }

    /** A logical line: its first physical line number and its text. */
    private record Line(int number, String text) {
    }

    /** A file being read, for include-cycle detection and messages. */
    private record Frame(Path shown, Path identity) {
    }

    private static final Pattern HTTP_SCHEME = Pattern.compile("^(?i:https?):");
    private static final Pattern FILE_SCHEME = Pattern.compile("^(?i:file):");
    private static final Pattern ANY_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://");

    // ---------------------------------------------------------------------------------------------

    private final class Run {
        final List<RequirementEntry> requirements = new ArrayList<>();
        final List<RequirementEntry> constraints = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final OptionsBuilder options = new OptionsBuilder();
        final Deque<Frame> stack = new ArrayDeque<>();
        /** For each frame but the last: how it included the next one (for cycle messages). */
        final Deque<String> edges = new ArrayDeque<>();

        /**
         * @param includedAt the including file's place, or {@code null} for a root file
         */
        void readFile(Path file, boolean constraint, RequirementSource includedAt) {
            Path identity;
            byte[] data;
            try {
                data = Files.readAllBytes(file);
                identity = file.toRealPath();
            } catch (NoSuchFileException e) {
                throw notReadable(file, includedAt, "does not exist");
            } catch (AccessDeniedException e) {
                throw notReadable(file, includedAt, "cannot be read (access denied)");
            } catch (IOException e) {
                String reason = Files.isDirectory(file) ? "is a directory, not a file" : "cannot be read: " + e;
                throw notReadable(file, includedAt, reason);
            }
            for (Frame frame : stack) {
                if (frame.identity().equals(identity)) {
                    throw cycle(file, includedAt);
                }
            }
            stack.addLast(new Frame(file, identity));
            try {
                String text = TextDecoding.decode(file, data);
                for (Line line : logicalLines(text)) {
                    handleLine(file, line, constraint);
                }
            } finally {
                stack.removeLast();
            }
        }

        private RequirementsFileException notReadable(Path file, RequirementSource includedAt, String reason) {
            if (includedAt == null) {
                return new RequirementsFileException(file, 0, 0, "requirements file " + reason);
            }
            return new RequirementsFileException(includedAt, "cannot include " + file + ": it " + reason);
        }

        private RequirementsFileException cycle(Path file, RequirementSource includedAt) {
            StringBuilder chain = new StringBuilder();
            var edgeIt = edges.iterator();
            for (Frame frame : stack) {
                if (chain.length() > 0) {
                    chain.append(" -> ");
                }
                chain.append(edgeIt.hasNext() ? edgeIt.next() : frame.shown().toString());
            }
            chain.append(" -> ").append(file);
            return new RequirementsFileException(includedAt,
                    "circular include: " + chain + "; a requirements file must not include itself, directly or through other files");
        }

        private void handleLine(Path file, Line line, boolean constraint) {
            RequirementSource origin = RequirementSource.ofLine(file, line.number());
            String text = line.text();
            int split = optionsStart(text);
            String args = strip(text.substring(0, split));
            List<String> tokens = shlexSplit(text.substring(split), origin);
            List<OptValue> opts = new ArrayList<>();
            List<String> stray = new ArrayList<>();
            parseOptions(tokens, origin, opts, stray);
            if (!stray.isEmpty()) {
                throw new RequirementsFileException(origin, "unexpected argument" + (stray.size() > 1 ? "s" : "") + " "
                        + stray.stream().map(s -> "'" + s + "'").collect(Collectors.joining(" "))
                        + " after the options (pip would ignore " + (stray.size() > 1 ? "them" : "it")
                        + "); a requirement must come before its options, one requirement per line");
            }
            List<OptValue> editables = opts.stream().filter(o -> o.opt() == Opt.EDITABLE).toList();
            if (!args.isEmpty()) {
                addRequirement(origin, args, false, opts, constraint);
            } else if (!editables.isEmpty()) {
                if (editables.size() > 1) {
                    throw new RequirementsFileException(origin,
                            "more than one -e/--editable on a line (pip would use only the first); put each on its own line");
                }
                addRequirement(origin, editables.get(0).value(), true, opts, constraint);
            } else {
                handleOptionLine(file, origin, opts);
            }
        }

        private void addRequirement(RequirementSource origin, String text, boolean editable, List<OptValue> opts,
                boolean constraint) {
            List<String> hashes = new ArrayList<>();
            List<String> config = new ArrayList<>();
            List<String> global = new ArrayList<>();
            boolean editableSeen = false;
            for (OptValue o : opts) {
                switch (o.opt()) {
                    case HASH -> hashes.add(o.value());
                    case CONFIG_SETTINGS -> config.add(o.value());
                    case GLOBAL_OPTION -> global.add(o.value());
                    case EDITABLE -> {
                        if (editable && !editableSeen) {
                            editableSeen = true;
                        } else {
                            warnings.add(origin + ": pip ignores " + o.opt().longName + " on a requirement line;"
                                    + " put it on its own line");
                        }
                    }
                    default -> warnings.add(origin + ": pip ignores " + o.opt().longName
                            + " on a requirement line; put it on its own line");
                }
            }
            if (editable && !(hashes.isEmpty() && config.isEmpty() && global.isEmpty())) {
                warnings.add(origin + ": pip ignores --hash, --config-settings and --global-option on an editable"
                        + " requirement");
                hashes.clear();
                config.clear();
                global.clear();
            }
            RequirementKind kind = RequirementKind.of(text);
            if (constraint) {
                checkConstraint(origin, text, editable, kind);
            }
            RequirementEntry entry = new RequirementEntry(text, origin, hashes, constraint, editable, kind, config, global);
            (constraint ? constraints : requirements).add(entry);
        }

        private void checkConstraint(RequirementSource origin, String text, boolean editable, RequirementKind kind) {
            if (editable) {
                throw new RequirementsFileException(origin,
                        "editable requirement '" + text + "' in a constraints file: pip does not allow editable"
                                + " requirements as constraints");
            }
            if (kind != RequirementKind.NAMED) {
                throw new RequirementsFileException(origin,
                        "constraint '" + text + "' has no project name: pip does not allow unnamed requirements as"
                                + " constraints; write it as 'name @ " + text + "'");
            }
            int i = 0;
            while (i < text.length() && isNameChar(text.charAt(i))) {
                i++;
            }
            while (i < text.length() && isPyWhitespace(text.charAt(i))) {
                i++;
            }
            if (i < text.length() && text.charAt(i) == '[') {
                throw new RequirementsFileException(origin,
                        "constraint '" + text + "' has extras: pip does not allow extras in constraints; constrain"
                                + " the project without extras");
            }
        }

        private void handleOptionLine(Path file, RequirementSource origin, List<OptValue> opts) {
            boolean include = opts.stream().anyMatch(o -> o.opt() == Opt.REQUIREMENT || o.opt() == Opt.CONSTRAINT);
            if (include) {
                if (opts.size() > 1) {
                    throw new RequirementsFileException(origin,
                            "-r/--requirement or -c/--constraint must be alone on its line (pip reads only the first"
                                    + " include of a line and ignores the other options on it): "
                                    + opts.stream().map(o -> o.opt().longName).collect(Collectors.joining(" ")));
                }
                include(file, origin, opts.get(0));
                return;
            }
            for (OptValue o : opts) {
                switch (o.opt()) {
                    case HASH, CONFIG_SETTINGS, GLOBAL_OPTION -> warnings.add(origin + ": " + o.opt().longName
                            + " without a requirement on the line is ignored (as pip does)");
                    case USE_FEATURE -> {
                        warnings.add(origin + ": --use-feature=" + o.value()
                                + " is ignored: it changes how pip works, not which files it may choose");
                        options.record(o, origin);
                    }
                    default -> options.apply(o, origin, file);
                }
            }
        }

        private void include(Path file, RequirementSource origin, OptValue o) {
            String value = o.value();
            boolean constraint = o.opt() == Opt.CONSTRAINT;
            String flag = constraint ? "-c" : "-r";
            Path target;
            if (HTTP_SCHEME.matcher(value).find()) {
                throw new RequirementsFileException(origin, "including a file over HTTP(S) is not supported: '"
                        + flag + " " + value + "'; download it into the project and include it by path");
            } else if (FILE_SCHEME.matcher(value).find()) {
                try {
                    target = Path.of(URI.create(value));
                } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
                    throw new RequirementsFileException(origin, "'" + flag + " " + value
                            + "' is not a usable file: URL (" + e.getMessage() + "); write a path instead");
                }
            } else if (ANY_SCHEME.matcher(value).find()) {
                throw new RequirementsFileException(origin, "including '" + value
                        + "' is not supported: only paths and file: URLs can be included");
            } else {
                try {
                    Path parent = file.getParent();
                    target = (parent == null ? Path.of(value) : parent.resolve(value)).normalize();
                } catch (InvalidPathException e) {
                    throw new RequirementsFileException(origin, "'" + flag + " " + value + "' is not a valid path: "
                            + e.getMessage());
                }
            }
            edges.addLast(origin + " " + flag + " " + value);
            try {
                readFile(target, constraint, origin);
            } finally {
                edges.removeLast();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Global options

    private static final class OptionsBuilder {
        String indexUrl;
        boolean noIndex;
        final List<String> extraIndexUrls = new ArrayList<>();
        final List<String> findLinks = new ArrayList<>();
        final Set<String> onlyBinary = new LinkedHashSet<>();
        final Set<String> noBinary = new LinkedHashSet<>();
        boolean pre;
        boolean preferBinary;
        boolean requireHashes;
        final List<String> trustedHosts = new ArrayList<>();
        final List<OptionSetting> settings = new ArrayList<>();

        void record(OptValue o, RequirementSource origin) {
            settings.add(new OptionSetting(o.opt().longName, o.value(), origin));
        }

        void apply(OptValue o, RequirementSource origin, Path file) {
            String v = o.value();
            switch (o.opt()) {
                case INDEX_URL -> indexUrl = v;
                case EXTRA_INDEX_URL -> extraIndexUrls.add(v);
                case NO_INDEX -> noIndex = true;
                case FIND_LINKS -> findLinks.add(findLinksValue(v, file));
                case NO_BINARY -> formatControl(v, noBinary, onlyBinary, origin, o.opt());
                case ONLY_BINARY -> formatControl(v, onlyBinary, noBinary, origin, o.opt());
                case PRE -> pre = true;
                case PREFER_BINARY -> preferBinary = true;
                case REQUIRE_HASHES -> requireHashes = true;
                case TRUSTED_HOST -> trustedHosts.add(v);
                default -> throw new IllegalStateException("not a global option: " + o.opt());
            }
            record(o, origin);
        }

        private static String findLinksValue(String value, Path file) {
            if (ANY_SCHEME.matcher(value).find() || FILE_SCHEME.matcher(value).find()) {
                return value;
            }
            try {
                Path parent = file.toAbsolutePath().getParent();
                Path candidate = parent.resolve(value);
                if (Files.exists(candidate)) {
                    return candidate.normalize().toString();
                }
            } catch (InvalidPathException e) {
                // not a path: keep it as written
            }
            return value;
        }

        private static void formatControl(String value, Set<String> target, Set<String> other,
                RequirementSource origin, Opt opt) {
            if (value.startsWith("-")) {
                throw new RequirementsFileException(origin, opt.longName + " requires a value: project names"
                        + " separated by commas, :all: or :none: (got '" + value + "')");
            }
            List<String> names = new ArrayList<>(List.of(value.split(",", -1)));
            while (names.contains(":all:")) {
                other.clear();
                target.clear();
                target.add(":all:");
                names = new ArrayList<>(names.subList(names.indexOf(":all:") + 1, names.size()));
                if (!names.contains(":none:")) {
                    return;
                }
            }
            for (String name : names) {
                if (name.equals(":none:")) {
                    target.clear();
                    continue;
                }
                String canonical = canonicalName(name);
                other.remove(canonical);
                target.add(canonical);
            }
        }

        PipOptions build() {
            return new PipOptions(indexUrl, noIndex, extraIndexUrls, findLinks, onlyBinary, noBinary, pre,
                    preferBinary, requireHashes, trustedHosts, settings);
        }
    }

    /** PEP 503 normalisation: lower case, runs of {@code -_.} become one {@code -}. */
    static String canonicalName(String name) {
        return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------
    // Line handling, as pip's req_file.preprocess does it

    private List<Line> logicalLines(String content) {
        List<Line> out = new ArrayList<>();
        StringBuilder joined = null;
        int primary = 0;
        int lineNo = 0;
        int pos = 0;
        int n = content.length();
        while (pos < n) {
            int end = pos;
            while (end < n && !isLineBreak(content.charAt(end))) {
                end++;
            }
            String line = content.substring(pos, end);
            lineNo++;
            if (end < n && content.charAt(end) == '\r' && end + 1 < n && content.charAt(end + 1) == '\n') {
                end++;
            }
            pos = end + 1;

            boolean commentLine = isCommentLine(line);
            if (!line.endsWith("\\") || commentLine) {
                if (commentLine) {
                    line = " " + line;
                }
                if (joined != null) {
                    joined.append(line);
                    emit(out, primary, joined.toString());
                    joined = null;
                } else {
                    emit(out, lineNo, line);
                }
            } else {
                if (joined == null) {
                    joined = new StringBuilder();
                    primary = lineNo;
                }
                joined.append(stripBackslashes(line));
            }
        }
        if (joined != null) {
            emit(out, primary, joined.toString());
        }
        return out;
    }

    private void emit(List<Line> out, int number, String line) {
        String text = strip(removeComment(line));
        if (!text.isEmpty()) {
            out.add(new Line(number, expandVariables(text)));
        }
    }

    /** Python's str.splitlines boundaries. */
    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\u000C' || c == '\u001C' || c == '\u001D'
                || c == '\u001E' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /** The first non-whitespace character is {@code #}. */
    private static boolean isCommentLine(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '#') {
                return true;
            }
            if (!isPyWhitespace(c)) {
                return false;
            }
        }
        return false;
    }

    /** A {@code #} at the start of the line or after whitespace starts a comment. */
    private static String removeComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || isPyWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static String stripBackslashes(String line) {
        int start = 0;
        int end = line.length();
        while (start < end && line.charAt(start) == '\\') {
            start++;
        }
        while (end > start && line.charAt(end - 1) == '\\') {
            end--;
        }
        return line.substring(start, end);
    }

    /** {@code ${NAME}} with NAME of upper-case letters, digits and underscores; unset or empty stays. */
    private String expandVariables(String line) {
        int dollar = line.indexOf("${");
        if (dollar < 0) {
            return line;
        }
        StringBuilder b = new StringBuilder(line.length());
        int pos = 0;
        while (dollar >= 0) {
            int i = dollar + 2;
            while (i < line.length() && isVarChar(line.charAt(i))) {
                i++;
            }
            if (i > dollar + 2 && i < line.length() && line.charAt(i) == '}') {
                String value = environment.get(line.substring(dollar + 2, i));
                if (value != null && !value.isEmpty()) {
                    b.append(line, pos, dollar).append(value);
                    pos = i + 1;
                }
                dollar = line.indexOf("${", i + 1);
            } else {
                dollar = line.indexOf("${", dollar + 2);
            }
        }
        return b.append(line, pos, line.length()).toString();
    }

    private static boolean isVarChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }

    private static boolean isNameChar(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                || c == '.';
    }

    /** Python's str.isspace, near enough. */
    static boolean isPyWhitespace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isPyWhitespace(s.charAt(start))) {
            start++;
        }
        while (end > start && isPyWhitespace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /**
     * Where the options start, as pip splits a line: on single spaces, the first word starting with
     * {@code -} begins the options; everything before it is the requirement.
     */
    private static int optionsStart(String line) {
        int wordStart = 0;
        while (wordStart <= line.length()) {
            if (wordStart < line.length() && line.charAt(wordStart) == '-') {
                return wordStart;
            }
            int space = line.indexOf(' ', wordStart);
            if (space < 0) {
                return line.length();
            }
            wordStart = space + 1;
        }
        return line.length();
    }

    /** POSIX shell-like splitting as Python's shlex.split (no comments). */
    private static List<String> shlexSplit(String s, RequirementSource origin) {
        List<String> tokens = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inToken = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                if (inToken) {
                    tokens.add(cur.toString());
                    cur.setLength(0);
                    inToken = false;
                }
                i++;
            } else if (c == '\\') {
                if (i + 1 >= n) {
                    throw new RequirementsFileException(origin, "cannot split the options: a backslash at the end"
                            + " escapes nothing: " + s);
                }
                cur.append(s.charAt(i + 1));
                inToken = true;
                i += 2;
            } else if (c == '\'' || c == '"') {
                int j = i + 1;
                inToken = true;
                boolean closed = false;
                while (j < n) {
                    char d = s.charAt(j);
                    if (d == c) {
                        closed = true;
                        break;
                    }
                    if (c == '"' && d == '\\' && j + 1 < n && (s.charAt(j + 1) == '"' || s.charAt(j + 1) == '\\')) {
                        cur.append(s.charAt(j + 1));
                        j += 2;
                        continue;
                    }
                    cur.append(d);
                    j++;
                }
                if (!closed) {
                    throw new RequirementsFileException(origin, "cannot split the options: no closing quotation"
                            + " (" + c + "): " + s);
                }
                i = j + 1;
            } else {
                cur.append(c);
                inToken = true;
                i++;
            }
        }
        if (inToken) {
            tokens.add(cur.toString());
        }
        return tokens;
    }

    /** optparse-like: long options (unique prefixes allowed), {@code --opt=value}, short options. */
    private static void parseOptions(List<String> tokens, RequirementSource origin, List<OptValue> out,
            List<String> stray) {
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("--")) {
                stray.addAll(tokens.subList(i + 1, tokens.size()));
                return;
            }
            if (t.startsWith("--")) {
                int eq = t.indexOf('=');
                String name = eq < 0 ? t : t.substring(0, eq);
                Opt opt = matchLong(name, origin);
                String value;
                if (opt.takesValue) {
                    if (eq >= 0) {
                        value = t.substring(eq + 1);
                    } else if (i + 1 < tokens.size()) {
                        value = tokens.get(++i);
                    } else {
                        throw missingValue(origin, opt);
                    }
                } else {
                    if (eq >= 0) {
                        throw new RequirementsFileException(origin, opt.longName + " takes no value (got '" + t + "')");
                    }
                    value = null;
                }
                out.add(validated(opt, value, origin));
            } else if (t.startsWith("-") && t.length() > 1) {
                String name = t.substring(0, 2);
                Opt opt = null;
                for (Opt o : Opt.values()) {
                    if (name.equals(o.shortName)) {
                        opt = o;
                    }
                }
                if (opt == null) {
                    throw unknown(origin, name);
                }
                String value;
                if (t.length() > 2) {
                    value = t.substring(2);
                } else if (i + 1 < tokens.size()) {
                    value = tokens.get(++i);
                } else {
                    throw missingValue(origin, opt);
                }
                out.add(validated(opt, value, origin));
            } else {
                stray.add(t);
            }
        }
    }

    private static Opt matchLong(String name, RequirementSource origin) {
        List<Opt> prefixed = new ArrayList<>();
        for (Opt o : Opt.values()) {
            if (o.longName.equals(name)) {
                return o;
            }
            if (o.longName.startsWith(name)) {
                prefixed.add(o);
            }
        }
        if (prefixed.size() == 1) {
            return prefixed.get(0);
        }
        if (prefixed.isEmpty()) {
            throw unknown(origin, name);
        }
        throw new RequirementsFileException(origin, "ambiguous option '" + name + "' could be "
                + prefixed.stream().map(o -> o.longName).collect(Collectors.joining(", ")) + "; write it in full");
    }

    private static RequirementsFileException unknown(RequirementSource origin, String name) {
        return new RequirementsFileException(origin, "unknown option '" + name
                + "'; options allowed in requirements files: " + SUPPORTED_OPTIONS);
    }

    private static RequirementsFileException missingValue(RequirementSource origin, Opt opt) {
        return new RequirementsFileException(origin, opt.display() + " requires a value");
    }

    private static OptValue validated(Opt opt, String value, RequirementSource origin) {
        if (value != null && value.isEmpty()) {
            throw new RequirementsFileException(origin, opt.display() + " requires a non-empty value");
        }
        if (opt == Opt.HASH) {
            int colon = value.indexOf(':');
            if (colon < 0) {
                throw new RequirementsFileException(origin, "--hash value '" + value
                        + "' must be a hash name followed by a value, like --hash=sha256:abcde...");
            }
            String algorithm = value.substring(0, colon);
            if (!STRONG_HASHES.contains(algorithm)) {
                throw new RequirementsFileException(origin, "--hash algorithm '" + algorithm
                        + "' is not allowed; allowed: sha256, sha384, sha512");
            }
        } else if (opt == Opt.CONFIG_SETTINGS && value.indexOf('=') < 0) {
            throw new RequirementsFileException(origin, "--config-settings value '" + value
                    + "' must have the form KEY=VALUE");
        }
        return new OptValue(opt, value);
    }
}
