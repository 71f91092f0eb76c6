package io.github.smvm.selection;

import io.github.smvm.dist.BuildTag;
import io.github.smvm.dist.WheelFilename;
import io.github.smvm.index.IndexFile;
import io.github.smvm.pep440.Version;
import java.util.Optional;

/**
 * One file of a project that could be installed: a wheel (with its parsed name) or a source
 * distribution ({@code wheel} is {@code null}).
 */
public record Candidate(IndexFile file, Version version, WheelFilename wheel) {

    public boolean isWheel() {
        return wheel != null;
    }

    public Optional<BuildTag> buildTag() {
        return wheel == null ? Optional.empty() : wheel.buildTag();
    }

    public String filename() {
        return file.filename();
    }
}
