package io.github.smvm.tags;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An environment's supported tags in priority order (index 0 is best) with O(1) lookup, and the
 * explanation of why a wheel does not fit. Immutable.
 */
public final class SupportedTags {

    private final List<Tag> tags;
    private final Map<Tag, Integer> priorities;
    private final Set<String> interpreters;
    private final Set<String> interpreterAbis;
    private final List<String> platforms;
    private final List<PlatformTag> parsedPlatforms;

    private SupportedTags(List<Tag> tags) {
        this.tags = List.copyOf(tags);
        Map<Tag, Integer> map = new HashMap<>();
        Set<String> interps = new LinkedHashSet<>();
        Set<String> pairs = new LinkedHashSet<>();
        Set<String> plats = new LinkedHashSet<>();
        for (int i = 0; i < this.tags.size(); i++) {
            Tag tag = this.tags.get(i);
            map.putIfAbsent(tag, i);
            interps.add(tag.interpreter());
            pairs.add(tag.interpreter() + "-" + tag.abi());
            if (!tag.platform().equals("any")) {
                plats.add(tag.platform());
            }
        }
        this.priorities = Map.copyOf(map);
        this.interpreters = Set.copyOf(interps);
        this.interpreterAbis = Set.copyOf(pairs);
        this.platforms = List.copyOf(plats);
        this.parsedPlatforms = this.platforms.stream().map(PlatformTag::parse).toList();
    }

    /** Supported tags in priority order; a repeated tag keeps its first (best) position. */
    public static SupportedTags of(List<Tag> tags) {
        if (tags == null || tags.isEmpty()) {
            throw new IllegalArgumentException("supported tags must not be empty, got " + tags);
        }
        return new SupportedTags(tags);
    }

    public List<Tag> tags() {
        return tags;
    }

    public int size() {
        return tags.size();
    }

    /** The index of {@code tag} (lower is better), or empty when unsupported. */
    public OptionalInt priority(Tag tag) {
        Integer p = priorities.get(tag);
        return p == null ? OptionalInt.empty() : OptionalInt.of(p);
    }

    public boolean supports(Tag tag) {
        return priorities.containsKey(tag);
    }

    /** Whether some supported tag has {@code tag}'s interpreter and ABI, whatever its platform. */
    public boolean supportsInterpreterAbi(Tag tag) {
        return interpreterAbis.contains(tag.interpreter() + "-" + tag.abi());
    }

    /** The interpreter of the best tag, e.g. {@code cp312}. */
    public String interpreter() {
        return tags.get(0).interpreter();
    }

    /** The best platform tag other than {@code any}, e.g. {@code manylinux_2_28_x86_64}; {@code any} if there is none. */
    public String mostSpecificPlatform() {
        return platforms.isEmpty() ? "any" : platforms.get(0);
    }

    /** The platform tags other than {@code any}, best first, without repeats. */
    public List<String> platforms() {
        return platforms;
    }

    /**
     * Whether some tag of {@code wheelTags} is supported: {@link #compatibility} without building the
     * explanation of a misfit, for callers that only filter.
     */
    public boolean supportsAny(Collection<Tag> wheelTags) {
        for (Tag tag : wheelTags) {
            if (priorities.containsKey(tag)) {
                return true;
            }
        }
        return false;
    }

    /** The supported tag of best priority among {@code wheelTags}. */
    public Optional<Tag> bestMatch(Collection<Tag> wheelTags) {
        return wheelTags.stream().filter(priorities::containsKey).min(Comparator.comparingInt(priorities::get));
    }

    /**
     * The best priority over {@code wheelTags} or, when none is supported, the most informative
     * reason (highest {@link IncompatibleReason}; among equal too-new reasons the smallest required
     * version) with a one-line detail.
     */
    public Compatibility compatibility(Collection<Tag> wheelTags) {
        if (wheelTags == null || wheelTags.isEmpty()) {
            throw new IllegalArgumentException("a wheel needs at least one tag, got " + wheelTags);
        }
        Optional<Tag> best = bestMatch(wheelTags);
        if (best.isPresent()) {
            return new Compatibility.Compatible(priorities.get(best.get()));
        }
        List<Tag> sorted = new ArrayList<>(wheelTags);
        sorted.sort(Comparator.comparing(Tag::toString));
        Candidate chosen = null;
        for (Tag tag : sorted) {
            Candidate candidate = explain(tag);
            if (chosen == null || candidate.betterThan(chosen)) {
                chosen = candidate;
            }
        }
        return new Compatibility.Incompatible(chosen.reason(), chosen.detail());
    }

    private record Candidate(IncompatibleReason reason, long requiredVersion, String detail) {
        boolean betterThan(Candidate other) {
            int byReason = reason.compareTo(other.reason);
            if (byReason != 0) {
                return byReason > 0;
            }
            return requiredVersion < other.requiredVersion;
        }
    }

    private static long version(int major, int minor) {
        return major * 100_000L + minor;
    }

    private String environmentInterpreter() {
        return tags.get(0).interpreter();
    }

    private Candidate explain(Tag tag) {
        if (!interpreters.contains(tag.interpreter())) {
            return new Candidate(IncompatibleReason.PYTHON, 0,
                    "wheel is for interpreter " + tag.interpreter() + " (" + tag + "); environment is " + environmentInterpreter());
        }
        if (!interpreterAbis.contains(tag.interpreter() + "-" + tag.abi())) {
            String abis = tags.stream().filter(t -> t.interpreter().equals(tag.interpreter()))
                    .map(Tag::abi).distinct().collect(Collectors.joining(", "));
            return new Candidate(IncompatibleReason.ABI, 0,
                    "wheel ABI " + tag.abi() + " (" + tag + ") is not supported; environment " + environmentInterpreter()
                            + " accepts " + tag.interpreter() + " with ABI " + abis);
        }
        return explainPlatform(tag, PlatformTag.parse(tag.platform()));
    }

    private Candidate explainPlatform(Tag tag, PlatformTag wheel) {
        String plat = wheel.text();
        String envPlat = mostSpecificPlatform();
        Candidate generic = new Candidate(IncompatibleReason.PLATFORM, 0,
                "wheel platform " + plat + " (" + tag + ") is not among the environment's platforms (best: " + envPlat + ")");
        if (wheel instanceof PlatformTag.Any) {
            return generic;
        }
        Set<String> families = parsedPlatforms.stream().map(PlatformTag::family).collect(Collectors.toSet());
        if (!families.contains(wheel.family())) {
            String envFamily = parsedPlatforms.isEmpty() ? "any" : parsedPlatforms.get(0).family();
            return new Candidate(IncompatibleReason.PLATFORM_OS, 0,
                    "wheel is for " + PlatformTag.familyName(wheel.family()) + " (" + plat + "); environment is "
                            + PlatformTag.familyName(envFamily) + " (" + envPlat + ")");
        }
        if (wheel instanceof PlatformTag.Manylinux many) {
            List<PlatformTag.Manylinux> env = only(PlatformTag.Manylinux.class);
            if (env.isEmpty()) {
                return new Candidate(IncompatibleReason.PLATFORM_LIBC, 0,
                        "wheel requires glibc (" + plat + "); environment " + linuxLibc() + " (" + envPlat + ")");
            }
            List<PlatformTag.Manylinux> sameArch = env.stream().filter(e -> e.arch().equals(many.arch())).toList();
            if (sameArch.isEmpty()) {
                return archMismatch(many.arch(), plat, env.get(0).arch());
            }
            PlatformTag.Manylinux newest = sameArch.get(0);
            if (version(many.major(), many.minor()) > version(newest.major(), newest.minor())) {
                return new Candidate(IncompatibleReason.PLATFORM_GLIBC_TOO_NEW, version(many.major(), many.minor()),
                        "wheel requires glibc " + many.major() + "." + many.minor() + " (" + plat + "); environment has glibc "
                                + newest.major() + "." + newest.minor());
            }
            return generic;
        }
        if (wheel instanceof PlatformTag.Musllinux musl) {
            List<PlatformTag.Musllinux> env = only(PlatformTag.Musllinux.class);
            if (env.isEmpty()) {
                return new Candidate(IncompatibleReason.PLATFORM_LIBC, 0,
                        "wheel requires musl libc (" + plat + "); environment " + linuxLibc() + " (" + envPlat + ")");
            }
            List<PlatformTag.Musllinux> sameArch = env.stream().filter(e -> e.arch().equals(musl.arch())).toList();
            if (sameArch.isEmpty()) {
                return archMismatch(musl.arch(), plat, env.get(0).arch());
            }
            PlatformTag.Musllinux newest = sameArch.get(0);
            if (version(musl.major(), musl.minor()) > version(newest.major(), newest.minor())) {
                return new Candidate(IncompatibleReason.PLATFORM_MUSL_TOO_NEW, version(musl.major(), musl.minor()),
                        "wheel requires musl " + musl.major() + "." + musl.minor() + " (" + plat + "); environment has musl "
                                + newest.major() + "." + newest.minor());
            }
            return generic;
        }
        if (wheel instanceof PlatformTag.PlainLinux linux) {
            List<PlatformTag.PlainLinux> env = only(PlatformTag.PlainLinux.class);
            if (!env.isEmpty() && env.stream().noneMatch(e -> e.arch().equals(linux.arch()))) {
                return archMismatch(linux.arch(), plat, env.get(0).arch());
            }
            return generic;
        }
        if (wheel instanceof PlatformTag.MacOs mac) {
            List<PlatformTag.MacOs> env = only(PlatformTag.MacOs.class);
            List<PlatformTag.MacOs> sameFormat = env.stream().filter(e -> e.format().equals(mac.format())).toList();
            if (sameFormat.isEmpty()) {
                return archMismatch(mac.format(), plat, env.get(0).format());
            }
            PlatformTag.MacOs newest = sameFormat.stream()
                    .max(Comparator.comparingLong(e -> version(e.major(), e.minor()))).orElseThrow();
            if (mac.newerThan(newest.major(), newest.minor())) {
                return new Candidate(IncompatibleReason.PLATFORM_MACOS_TOO_NEW, version(mac.major(), mac.minor()),
                        "wheel requires macOS " + mac.major() + "." + mac.minor() + " (" + plat + "); environment has macOS "
                                + newest.major() + "." + newest.minor());
            }
            return generic;
        }
        if (wheel instanceof PlatformTag.Windows win) {
            List<PlatformTag.Windows> env = only(PlatformTag.Windows.class);
            if (env.stream().noneMatch(e -> e.arch().equals(win.arch()))) {
                return archMismatch(win.arch(), plat, env.get(0).arch());
            }
            return generic;
        }
        return generic;
    }

    private Candidate archMismatch(String wheelArch, String plat, String envArch) {
        return new Candidate(IncompatibleReason.PLATFORM_ARCH, 0,
                "wheel is for architecture " + wheelArch + " (" + plat + "); environment is " + envArch
                        + " (" + mostSpecificPlatform() + ")");
    }

    private String linuxLibc() {
        List<PlatformTag.Manylinux> many = only(PlatformTag.Manylinux.class);
        if (!many.isEmpty()) {
            return "has glibc " + many.get(0).major() + "." + many.get(0).minor();
        }
        List<PlatformTag.Musllinux> musl = only(PlatformTag.Musllinux.class);
        if (!musl.isEmpty()) {
            return "has musl " + musl.get(0).major() + "." + musl.get(0).minor();
        }
        return "has neither glibc manylinux nor musllinux support";
    }

    private <T extends PlatformTag> List<T> only(Class<T> type) {
        return parsedPlatforms.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SupportedTags other && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return tags.hashCode();
    }

    @Override
    public String toString() {
        return "SupportedTags[" + tags.size() + " tags, best " + (tags.isEmpty() ? "-" : tags.get(0)) + "]";
    }
}
