package io.github.smvm.requirements;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The global options of a set of requirements files: which indexes and files pip looks at and
 * which distributions it may choose. Values are as pip would hold them after reading the files in
 * order; {@link #settings()} keeps every option as written with its origin, for messages.
 *
 * @param indexUrl       the last {@code -i}/{@code --index-url}, or {@code null} (pip's default index)
 * @param noIndex        {@code --no-index} was given; pip then ignores all index URLs
 * @param extraIndexUrls {@code --extra-index-url} values, in order
 * @param findLinks      {@code -f}/{@code --find-links} values, in order; a relative path that exists
 *                       relative to the file's directory is made absolute (as pip does), anything
 *                       else is kept as written
 * @param onlyBinary     {@code --only-binary}: canonical (PEP 503) project names and/or
 *                       {@code :all:}, after pip's {@code :all:}/{@code :none:} rules and mutual
 *                       exclusion with {@code --no-binary}
 * @param noBinary       {@code --no-binary}, same rules
 * @param pre            {@code --pre}
 * @param preferBinary   {@code --prefer-binary}
 * @param requireHashes  {@code --require-hashes}
 * @param trustedHosts   {@code --trusted-host} values, in order
 * @param settings       every global option in the order read, with its origin
 */
public record PipOptions(
        String indexUrl,
        boolean noIndex,
        List<String> extraIndexUrls,
        List<String> findLinks,
        Set<String> onlyBinary,
        Set<String> noBinary,
        boolean pre,
        boolean preferBinary,
        boolean requireHashes,
        List<String> trustedHosts,
        List<OptionSetting> settings) {

    /** No options at all. */
    public static final PipOptions NONE = new PipOptions(
            null, false, List.of(), List.of(), Set.of(), Set.of(), false, false, false, List.of(), List.of());

    public PipOptions {
        extraIndexUrls = List.copyOf(extraIndexUrls);
        findLinks = List.copyOf(findLinks);
        onlyBinary = Set.copyOf(onlyBinary);
        noBinary = Set.copyOf(noBinary);
        trustedHosts = List.copyOf(trustedHosts);
        settings = List.copyOf(settings);
    }

    /**
     * Where the given option (long name, for example {@code --index-url}) was last set, if it was.
     */
    public Optional<RequirementSource> originOf(String option) {
        for (int i = settings.size() - 1; i >= 0; i--) {
            if (settings.get(i).option().equals(option)) {
                return Optional.of(settings.get(i).origin());
            }
        }
        return Optional.empty();
    }
}
