package io.github.smvm.dist;

import io.github.smvm.pep440.InvalidVersionException;
import io.github.smvm.pep440.Version;
import io.github.smvm.pep508.Names;
import java.util.Objects;

/**
 * A parsed source distribution file name {@code {name}-{version}.tar.gz} or {@code .zip}, as
 * packaging 24.1's {@code parse_sdist_filename}: split at the last dash, the name normalised but
 * not validated.
 *
 * @param name the PEP 503-normalised project name
 * @param version the version
 */
public record SdistFilename(String name, Version version) {

    public SdistFilename {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Parses an sdist file name.
     *
     * @throws InvalidSdistFilenameException saying which part is wrong
     */
    public static SdistFilename parse(String filename) {
        return parse(filename, FilenameMemo.NONE);
    }

    /** {@link #parse(String)}, with the version text looked up in {@code memo} (one per page). */
    public static SdistFilename parse(String filename, FilenameMemo memo) {
        Objects.requireNonNull(filename, "filename");
        String stem;
        if (filename.endsWith(".tar.gz")) {
            stem = filename.substring(0, filename.length() - ".tar.gz".length());
        } else if (filename.endsWith(".zip")) {
            stem = filename.substring(0, filename.length() - ".zip".length());
        } else {
            throw new InvalidSdistFilenameException(filename, "it does not end with '.tar.gz' or '.zip'", null);
        }
        int dash = stem.lastIndexOf('-');
        if (dash < 0) {
            throw new InvalidSdistFilenameException(filename, "it has no '-' between name and version", null);
        }
        String versionPart = stem.substring(dash + 1);
        Version version;
        try {
            version = memo.version(versionPart);
        } catch (InvalidVersionException e) {
            throw new InvalidSdistFilenameException(filename, "'" + versionPart + "' is not a PEP 440 version", e);
        }
        return new SdistFilename(Names.normalize(stem.substring(0, dash)), version);
    }
}
