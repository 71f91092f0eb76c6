package io.github.smvm.index;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads one entry of a zip through random access ({@link ByteSource}), touching only the
 * end-of-central-directory record, the central directory and that entry. Supports zip64,
 * stored (0) and deflated (8) entries; checks the CRC.
 */
final class WheelZip {

    static final int TAIL = 65536;

    private static final int EOCD_SIG = 0x06054b50;
    private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
    private static final int ZIP64_EOCD_SIG = 0x06064b50;
    private static final int CD_SIG = 0x02014b50;
    private static final int LOCAL_SIG = 0x04034b50;

    private WheelZip() {
    }

    /** Random access to the bytes of a zip. */
    interface ByteSource {
        long size();

        /** Exactly {@code length} bytes at {@code offset}. */
        byte[] read(long offset, int length) throws MetadataException;
    }

    /** A byte array as a source. */
    static ByteSource of(byte[] bytes) {
        return new ByteSource() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte[] read(long offset, int length) throws MetadataException {
                if (offset < 0 || length < 0 || offset + length > bytes.length) {
                    throw malformed("read past the end of the file (offset " + offset + ", length " + length + ")");
                }
                byte[] out = new byte[length];
                System.arraycopy(bytes, (int) offset, out, 0, length);
                return out;
            }
        };
    }

    record Entry(String name, int flags, int method, long crc, long compressedSize, long size, long localOffset) {
    }

    record Directory(List<Entry> entries, long cdOffset) {
    }

    /** Reads the central directory. */
    static Directory directory(ByteSource src, long maxBytes) throws MetadataException {
        long size = src.size();
        if (size < 22) {
            throw malformed("file of " + size + " bytes is too small to be a zip");
        }
        int tailLen = (int) Math.min(size, TAIL);
        long tailStart = size - tailLen;
        byte[] tail = src.read(tailStart, tailLen);
        int pos = -1;
        for (int i = tailLen - 22; i >= 0; i--) {
            if (u32(tail, i) == EOCD_SIG && i + 22 + u16(tail, i + 20) <= tailLen) {
                pos = i;
                break;
            }
        }
        if (pos < 0) {
            throw malformed("no end-of-central-directory record in the last " + tailLen + " bytes: not a zip file");
        }
        long eocd = tailStart + pos;
        long entries = u16(tail, pos + 10);
        long cdSize = u32(tail, pos + 12);
        long cdOffset = u32(tail, pos + 16);
        long cdLimit = eocd;
        if (entries == 0xFFFF || cdSize == 0xFFFFFFFFL || cdOffset == 0xFFFFFFFFL) {
            if (eocd < 20) {
                throw malformed("zip64 end-of-central-directory locator missing");
            }
            byte[] loc = eocd - 20 >= tailStart ? slice(tail, (int) (eocd - 20 - tailStart), 20) : src.read(eocd - 20, 20);
            if (u32(loc, 0) != ZIP64_LOCATOR_SIG) {
                throw malformed("zip64 end-of-central-directory locator missing");
            }
            long z64 = u64(loc, 8);
            if (z64 < 0 || z64 + 56 > eocd - 20) {
                throw malformed("zip64 end-of-central-directory offset " + z64 + " out of range");
            }
            byte[] rec = z64 >= tailStart && z64 + 56 <= size ? slice(tail, (int) (z64 - tailStart), 56) : src.read(z64, 56);
            if (u32(rec, 0) != ZIP64_EOCD_SIG) {
                throw malformed("zip64 end-of-central-directory record missing at offset " + z64);
            }
            entries = u64(rec, 32);
            cdSize = u64(rec, 40);
            cdOffset = u64(rec, 48);
            cdLimit = z64;
        }
        if (cdOffset < 0 || cdSize < 0 || cdOffset + cdSize > cdLimit) {
            throw malformed("central directory (offset " + cdOffset + ", size " + cdSize + ") out of range");
        }
        if (cdSize > maxBytes || cdSize > Integer.MAX_VALUE - 16) {
            throw new MetadataException(MetadataException.Kind.TOO_LARGE,
                    "central directory of " + cdSize + " bytes exceeds the size limit");
        }
        byte[] cd = cdOffset >= tailStart ? slice(tail, (int) (cdOffset - tailStart), (int) cdSize)
                : src.read(cdOffset, (int) cdSize);
        List<Entry> list = new ArrayList<>();
        int p = 0;
        while (p + 46 <= cd.length && list.size() < entries) {
            if (u32(cd, p) != CD_SIG) {
                throw malformed("bad central directory entry signature at offset " + (cdOffset + p));
            }
            int flags = u16(cd, p + 8);
            int method = u16(cd, p + 10);
            long crc = u32(cd, p + 16);
            long comp = u32(cd, p + 20);
            long uncomp = u32(cd, p + 24);
            int nameLen = u16(cd, p + 28);
            int extraLen = u16(cd, p + 30);
            int commentLen = u16(cd, p + 32);
            long lho = u32(cd, p + 42);
            if (p + 46 + nameLen + extraLen + commentLen > cd.length) {
                throw malformed("truncated central directory entry at offset " + (cdOffset + p));
            }
            String name = new String(cd, p + 46, nameLen, StandardCharsets.UTF_8);
            int e = p + 46 + nameLen;
            int end = e + extraLen;
            while (e + 4 <= end) {
                int id = u16(cd, e);
                int len = u16(cd, e + 2);
                int q = e + 4;
                if (q + len > end) {
                    break;
                }
                if (id == 0x0001) {
                    if (uncomp == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        uncomp = u64(cd, q);
                        q += 8;
                    }
                    if (comp == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        comp = u64(cd, q);
                        q += 8;
                    }
                    if (lho == 0xFFFFFFFFL && q + 8 <= e + 4 + len) {
                        lho = u64(cd, q);
                    }
                }
                e += 4 + len;
            }
            list.add(new Entry(name, flags, method, crc, comp, uncomp, lho));
            p += 46 + nameLen + extraLen + commentLen;
        }
        if (list.size() < entries) {
            throw malformed("central directory lists " + list.size() + " entries, expected " + entries);
        }
        return new Directory(list, cdOffset);
    }

    /**
     * The METADATA path of a wheel, chosen as pip does ({@code wheel_dist_info_dir}): exactly one
     * top-level {@code *.dist-info} directory, whose normalised name starts with the project's.
     */
    static String metadataPath(List<String> names, String wheelFilename) throws MetadataException {
        Set<String> infoDirs = new LinkedHashSet<>();
        for (String n : names) {
            int slash = n.indexOf('/');
            if (slash > 0 && n.substring(0, slash).toLowerCase(Locale.ROOT).endsWith(".dist-info")) {
                infoDirs.add(n.substring(0, slash));
            }
        }
        if (infoDirs.isEmpty()) {
            throw malformed(wheelFilename + ": .dist-info directory not found");
        }
        if (infoDirs.size() > 1) {
            throw malformed(wheelFilename + ": multiple .dist-info directories found: " + String.join(", ", infoDirs));
        }
        String dir = infoDirs.iterator().next();
        int dash = wheelFilename.indexOf('-');
        String project = Names.normalise(dash > 0 ? wheelFilename.substring(0, dash) : wheelFilename);
        if (!Names.normalise(dir).startsWith(project)) {
            throw malformed(wheelFilename + ": .dist-info directory '" + dir + "' does not start with '" + project + "'");
        }
        String path = dir + "/METADATA";
        if (!names.contains(path)) {
            throw new MetadataException(MetadataException.Kind.NOT_FOUND, wheelFilename + ": " + path
                    + " not found in the wheel");
        }
        return path;
    }

    /** Reads and decompresses one entry. */
    static byte[] readEntry(ByteSource src, Directory dir, Entry entry, long maxBytes) throws MetadataException {
        if ((entry.flags() & 1) != 0) {
            throw new MetadataException(MetadataException.Kind.UNSUPPORTED, entry.name() + " is encrypted");
        }
        if (entry.method() != 0 && entry.method() != 8) {
            throw new MetadataException(MetadataException.Kind.UNSUPPORTED,
                    entry.name() + " uses unsupported compression method " + entry.method());
        }
        if (entry.size() > maxBytes || entry.compressedSize() > maxBytes) {
            throw new MetadataException(MetadataException.Kind.TOO_LARGE,
                    entry.name() + " (" + entry.size() + " bytes) exceeds the size limit of " + maxBytes + " bytes");
        }
        // One read covering the local header and the data: up to the next entry or the directory.
        long end = dir.cdOffset();
        for (Entry e : dir.entries()) {
            if (e.localOffset() > entry.localOffset() && e.localOffset() < end) {
                end = e.localOffset();
            }
        }
        long minimum = 30 + entry.compressedSize();
        if (end - entry.localOffset() < minimum) {
            throw malformed(entry.name() + ": local entry overlaps the next entry or the central directory");
        }
        // the local header's name and extra field are at most 65535 bytes each
        long span = Math.min(end - entry.localOffset(), 30L + 65535 + 65535 + entry.compressedSize());
        byte[] buf = src.read(entry.localOffset(), (int) span);
        if (u32(buf, 0) != LOCAL_SIG) {
            throw malformed(entry.name() + ": bad local header signature at offset " + entry.localOffset());
        }
        long dataStart = 30L + u16(buf, 26) + u16(buf, 28);
        if (dataStart + entry.compressedSize() > buf.length) {
            throw malformed(entry.name() + ": data runs past the end of the entry");
        }
        int comp = (int) entry.compressedSize();
        int size = (int) entry.size();
        byte[] data;
        if (entry.method() == 0) {
            if (comp != size) {
                throw malformed(entry.name() + ": stored entry with different compressed and uncompressed sizes");
            }
            data = slice(buf, (int) dataStart, size);
        } else {
            Inflater inf = new Inflater(true);
            try {
                inf.setInput(buf, (int) dataStart, comp);
                data = new byte[size];
                int n = 0;
                while (n < size) {
                    int k = inf.inflate(data, n, size - n);
                    if (k == 0) {
                        break;
                    }
                    n += k;
                }
                if (n != size) {
                    throw malformed(entry.name() + ": inflated to " + n + " bytes, expected " + size);
                }
            } catch (DataFormatException e) {
                throw malformed(entry.name() + ": corrupt deflate data: " + e.getMessage());
            } finally {
                inf.end();
            }
        }
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != entry.crc()) {
            throw malformed(entry.name() + ": CRC mismatch");
        }
        return data;
    }

    static MetadataException malformed(String message) {
        return new MetadataException(MetadataException.Kind.MALFORMED_ZIP, message);
    }

    private static byte[] slice(byte[] b, int off, int len) throws MetadataException {
        if (off < 0 || len < 0 || off + len > b.length) {
            throw malformed("structure points outside the file");
        }
        byte[] out = new byte[len];
        System.arraycopy(b, off, out, 0, len);
        return out;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFFFFFFL;
    }

    private static long u64(byte[] b, int i) {
        return u32(b, i) | u32(b, i + 4) << 32;
    }
}
