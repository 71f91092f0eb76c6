package io.github.smvm.dist;

import io.github.smvm.pep440.InvalidVersionException;
import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.Names;
import io.github.smvm.tags.Tag;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed wheel file name {@code {name}-{version}(-{build tag})?-{python tag}-{abi tag}-{platform tag}.whl},
 * accepted and rejected as packaging 24.1's {@code parse_wheel_filename}.
 *
 * <p>Known divergence: a tag set with an empty component (e.g. {@code py3..-none-any}) is rejected,
 * because {@link Tag} does not allow empty parts; packaging accepts it.
 */
public final class WheelFilename {

    /** Leading (Unicode decimal) digits, then the rest up to a newline, as packaging's {@code (\d+)(.*)}. */
    private static final Pattern BUILD = Pattern.compile("(\\p{Nd}+)(.*)", Pattern.UNIX_LINES);

    private final String filename;
    private final String name;
    private final Version version;
    private final BuildTag buildTag;
    private final String tagSet;
    private final Set<Tag> tags;

    private WheelFilename(String filename, String name, Version version, BuildTag buildTag, String tagSet, Set<Tag> tags) {
        this.filename = filename;
        this.name = name;
        this.version = version;
        this.buildTag = buildTag;
        this.tagSet = tagSet;
        this.tags = tags;
    }

    /**
     * Parses a wheel file name (just the name, no directories).
     *
     * @throws InvalidWheelFilenameException saying which part is wrong
     */
    public static WheelFilename parse(String filename) {
        return parse(filename, FilenameMemo.NONE);
    }

    /**
     * {@link #parse(String)}, with the name part and version text looked up in {@code memo} (one per page):
     * the same answer, parsed once per distinct text.
     */
    public static WheelFilename parse(String filename, FilenameMemo memo) {
        Objects.requireNonNull(filename, "filename");
        if (!filename.endsWith(".whl")) {
            throw new InvalidWheelFilenameException(filename, "it does not end with '.whl'", null);
        }
        String stem = filename.substring(0, filename.length() - 4);
        int dashes = 0;
        for (int i = stem.indexOf('-'); i >= 0; i = stem.indexOf('-', i + 1)) {
            dashes++;
        }
        if (dashes != 4 && dashes != 5) {
            throw new InvalidWheelFilenameException(filename, "it has " + (dashes + 1)
                    + " dash-separated parts, expected 5 (or 6 with a build tag)", null);
        }
        // stem.split("-", dashes - 1) without a regular expression (every file of every page is parsed): the
        // first dashes - 2 parts, then the rest (python-abi-platform, which Tag.parseSet splits)
        String[] parts = new String[dashes - 1];
        int from = 0;
        for (int k = 0; k < parts.length - 1; k++) {
            int at = stem.indexOf('-', from);
            parts[k] = stem.substring(from, at);
            from = at + 1;
        }
        parts[parts.length - 1] = stem.substring(from);
        String namePart = parts[0];
        String name = memo.wheelName(namePart);
        if (name == null) {
            throw new InvalidWheelFilenameException(filename, "the project name '" + namePart
                    + "' may only contain letters, digits, '_' and '.', and no '__'", null);
        }
        Version version;
        try {
            version = memo.version(parts[1]);
        } catch (InvalidVersionException e) {
            throw new InvalidWheelFilenameException(filename, "'" + parts[1] + "' is not a PEP 440 version", e);
        }
        BuildTag build = null;
        if (dashes == 5) {
            Matcher m = BUILD.matcher(parts[2]);
            if (!m.lookingAt()) {
                throw new InvalidWheelFilenameException(filename, "the build tag '" + parts[2]
                        + "' must start with a digit, for example 1 or 2_linux", null);
            }
            StringBuilder digits = new StringBuilder();
            m.group(1).codePoints().forEach(cp -> digits.append(Character.digit(cp, 10)));
            build = new BuildTag(new BigInteger(digits.toString()), m.group(2));
        }
        String tagSet = parts[parts.length - 1];
        Set<Tag> tags;
        try {
            tags = tagSet(tagSet);
        } catch (IllegalArgumentException e) {
            throw new InvalidWheelFilenameException(filename, "the tag set '" + tagSet + "' is not valid: "
                    + e.getMessage(), e);
        }
        return new WheelFilename(filename, name, version, build, tagSet, tags);
    }

    /** The normalised name of a valid wheel name part, or {@code null} if it is not valid. */
    static String wheelName(String namePart) {
        return namePart.contains("__") || !isWheelNameText(namePart) ? null : Names.normalize(namePart);
    }

    /** packaging's {@code ^[\w\d._]*$} with Python's Unicode {@code \w} (and its {@code $} before a final newline). */
    private static boolean isWheelNameText(String text) {
        String s = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return s.codePoints().allMatch(cp -> cp == '_' || cp == '.' || Character.isLetter(cp)
                || Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER);
    }

    /** The file name as given. */
    public String filename() {
        return filename;
    }

    /** The PEP 503-normalised project name. */
    public String name() {
        return name;
    }

    public Version version() {
        return version;
    }

    public Optional<BuildTag> buildTag() {
        return Optional.ofNullable(buildTag);
    }

    /** The compressed tag set as written, e.g. {@code py2.py3-none-any}. */
    public String tagSet() {
        return tagSet;
    }

    /**
     * The parsed tag sets by their text, shared: an index's files repeat a few dozen tag sets thousands of
     * times ({@code cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64}), so each is parsed once, and
     * equal sets are the same object (which {@code EnvironmentFiles} uses to check each set once per
     * environment). Bounded, since a Maven JVM may live for many builds.
     */
    private static final Map<String, Set<Tag>> TAG_SETS = new ConcurrentHashMap<>();
    private static final int TAG_SETS_KEPT = 4096;

    private static Set<Tag> tagSet(String text) {
        Set<Tag> known = TAG_SETS.get(text);
        if (known != null) {
            return known;
        }
        Set<Tag> parsed = Set.copyOf(Tag.parseSet(text));
        if (TAG_SETS.size() < TAG_SETS_KEPT) {
            Set<Tag> raced = TAG_SETS.putIfAbsent(text, parsed);
            return raced != null ? raced : parsed;
        }
        return parsed;
    }

    /** The expanded tag set, e.g. {py2-none-any, py3-none-any}. */
    public Set<Tag> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof WheelFilename w && filename.equals(w.filename);
    }

    @Override
    public int hashCode() {
        return filename.hashCode();
    }

    @Override
    public String toString() {
        return filename;
    }
}
