package io.github.smvm.index;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** The outcome of asking one source (or a composite of sources) for one project. */
public sealed interface ProjectResult {

    /** Warnings attached to the outcome (for {@link Failed}, empty: the reason says it all). */
    List<String> warnings();

    /** The project page was read. */
    record Found(ProjectPage page) implements ProjectResult {
        public Found {
            Objects.requireNonNull(page, "page");
        }

        @Override
        public List<String> warnings() {
            return page.warnings();
        }
    }

    /**
     * The source does not know the project (HTTP 404, missing directory...). A composite index also
     * answers this when no source found the project but some of them failed; their failures are then
     * in {@code warnings}.
     */
    record NotFound(URI url, List<String> warnings) implements ProjectResult {
        public NotFound {
            Objects.requireNonNull(url, "url");
            warnings = List.copyOf(warnings);
        }

        public NotFound(URI url) {
            this(url, List.of());
        }
    }

    /**
     * The source could not be read. {@code reason} says what went wrong (status code, timeout,
     * malformed JSON and where, wrong content type...) and contains no credentials.
     */
    record Failed(URI url, String reason) implements ProjectResult {
        public Failed {
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<String> warnings() {
            return List.of();
        }
    }
}
