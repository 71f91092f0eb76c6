package io.github.smvm.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds small real wheels for tests. */
final class Wheels {

    static final String METADATA = "Metadata-Version: 2.1\nName: foo\nVersion: 1.0\nRequires-Dist: bar>=2\n"
            + "Requires-Python: >=3.8\n\nDescription with ümlauts.\n";

    private Wheels() {
    }

    /** Options for {@link #build}. */
    record Spec(String distInfo, boolean storedMetadata, int paddingBytes, int extraEntries, boolean metadataFirst) {
    }

    static Spec spec() {
        return new Spec("foo-1.0.dist-info", false, 0, 0, true);
    }

    static byte[] build(Spec s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            if (s.metadataFirst()) {
                metadata(zip, s);
            }
            if (s.paddingBytes() > 0) {
                byte[] random = new byte[s.paddingBytes()];
                new Random(42).nextBytes(random);
                stored(zip, "foo/_padding.bin", random);
            }
            for (int i = 0; i < s.extraEntries(); i++) {
                ZipEntry e = new ZipEntry(String.format("foo/some/rather/long/package/path/module_number_%06d.py", i));
                zip.putNextEntry(e);
                zip.write(("x = " + i + "\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("foo/__init__.py"));
            zip.write("print('hi')\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            if (!s.metadataFirst()) {
                metadata(zip, s);
            }
            zip.putNextEntry(new ZipEntry(s.distInfo() + "/WHEEL"));
            zip.write("Wheel-Version: 1.0\nTag: py3-none-any\n".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(s.distInfo() + "/RECORD"));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void metadata(ZipOutputStream zip, Spec s) throws IOException {
        byte[] data = METADATA.getBytes(StandardCharsets.UTF_8);
        if (s.storedMetadata()) {
            stored(zip, s.distInfo() + "/METADATA", data);
        } else {
            zip.putNextEntry(new ZipEntry(s.distInfo() + "/METADATA"));
            zip.write(data);
            zip.closeEntry();
        }
    }

    static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        e.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }
}
