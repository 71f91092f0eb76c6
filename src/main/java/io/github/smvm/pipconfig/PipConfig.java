package io.github.smvm.pipconfig;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings of pip's configuration the assessment uses, each with where it came from; empty when
 * pip's configuration does not set it.
 *
 * @param read the files that existed and were read, and the {@code PIP_*} variables that were set (of
 *     those this reads), in the order pip applies them
 */
public record PipConfig(Optional<Setting<String>> indexUrl, Optional<Setting<List<String>>> extraIndexUrls,
        Optional<Setting<List<String>>> findLinks, Optional<Setting<Boolean>> noIndex, Optional<Setting<String>> cert,
        List<String> read) {

    /**
     * @param origin a file with its section ({@code /etc/pip.conf [global]}) or a variable ({@code PIP_CERT})
     */
    public record Setting<T>(T value, String origin) {
        public Setting {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(origin, "origin");
        }
    }

    public PipConfig {
        Objects.requireNonNull(indexUrl, "indexUrl");
        Objects.requireNonNull(extraIndexUrls, "extraIndexUrls");
        Objects.requireNonNull(findLinks, "findLinks");
        Objects.requireNonNull(noIndex, "noIndex");
        Objects.requireNonNull(cert, "cert");
        read = List.copyOf(read);
    }

    /** No configuration (pip's configuration not used). */
    public static PipConfig none() {
        return new PipConfig(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                List.of());
    }
}
