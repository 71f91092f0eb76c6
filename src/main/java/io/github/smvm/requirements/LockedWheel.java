package io.github.smvm.requirements;

import java.util.List;

/**
 * One {@code [[packages.wheels]]} entry of a pylock.toml.
 *
 * @param name       the wheel's file name; when the file omits it, the last segment of the URL or path
 * @param url        the URL, or {@code null}
 * @param path       the path as written (relative to the lock file's directory), or {@code null}
 * @param hashes     {@code algorithm:hexdigest}, in the file's order
 * @param uploadTime the upload time as written, or {@code null}
 * @param size       the size in bytes, or {@code null}
 */
public record LockedWheel(String name, String url, String path, List<String> hashes, String uploadTime, Long size) {
    public LockedWheel {
        hashes = List.copyOf(hashes);
    }
}
