package io.github.smvm.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/** A digest of a directory tree, for "byte for byte as it was" assertions. */
public final class TreeDigest {

    private TreeDigest() {
    }

    /** Every path, link target and file content under {@code root}, hashed: equal means byte for byte equal. */
    public static String of(Path root) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.forEach(paths::add);
        }
        Collections.sort(paths);
        for (Path path : paths) {
            digest.update(root.relativize(path).toString().getBytes(StandardCharsets.UTF_8));
            if (Files.isSymbolicLink(path)) {
                digest.update(Files.readSymbolicLink(path).toString().getBytes(StandardCharsets.UTF_8));
            } else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                digest.update(Files.readAllBytes(path));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
