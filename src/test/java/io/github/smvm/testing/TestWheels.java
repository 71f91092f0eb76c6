package io.github.smvm.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds real, installable wheel and sdist bytes for tests; nothing is downloaded. */
public final class TestWheels {

    private TestWheels() {}

    /**
     * A wheel whose {@code METADATA} names {@code project} {@code version}, with one module that sets
     * {@code __version__}.
     */
    public static byte[] wheel(String filename, String project, String version, String requiresPython,
            List<String> requiresDist) {
        String module = filename.substring(0, filename.indexOf('-')).toLowerCase();
        return wheel(filename, project, version, requiresPython, requiresDist, module,
                "__version__ = '" + version + "'\n");
    }

    /**
     * A wheel with one package {@code module} whose {@code __init__.py} is {@code source}: for modules
     * named unlike their distribution, or that fail on import.
     */
    public static byte[] wheel(String filename, String project, String version, String requiresPython,
            List<String> requiresDist, String module, String source) {
        String stem = filename.substring(0, filename.length() - ".whl".length());
        String[] parts = stem.split("-");
        String distInfo = parts[0] + "-" + parts[1] + ".dist-info";
        String tag = parts[parts.length - 3] + "-" + parts[parts.length - 2] + "-" + parts[parts.length - 1];
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(module + "/__init__.py", source.getBytes(StandardCharsets.UTF_8));
        files.put(distInfo + "/METADATA", metadata(project, version, requiresPython, requiresDist));
        files.put(distInfo + "/WHEEL", ("Wheel-Version: 1.0\nGenerator: smvm-tests\nRoot-Is-Purelib: "
                + tag.endsWith("none-any") + "\nTag: " + tag + "\n").getBytes(StandardCharsets.UTF_8));
        StringBuilder record = new StringBuilder();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            record.append(file.getKey()).append(",sha256=")
                    .append(Base64.getUrlEncoder().withoutPadding().encodeToString(sha256(file.getValue())))
                    .append(',').append(file.getValue().length).append('\n');
        }
        record.append(distInfo).append("/RECORD,,\n");
        files.put(distInfo + "/RECORD", record.toString().getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    /** The core metadata text a wheel built here carries. */
    public static byte[] metadata(String project, String version, String requiresPython, List<String> requiresDist) {
        List<String> lines = new ArrayList<>(List.of("Metadata-Version: 2.1", "Name: " + project, "Version: " + version));
        if (requiresPython != null) {
            lines.add("Requires-Python: " + requiresPython);
        }
        for (String requirement : requiresDist) {
            lines.add("Requires-Dist: " + requirement);
        }
        return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Bytes standing in for an sdist; tests that use them never build it. */
    public static byte[] sdist(String project, String version) {
        return ("not a real sdist: " + project + " " + version + "\n").getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(sha256(data));
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setTime(1_704_067_200_000L);
                zip.putNextEntry(entry);
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
