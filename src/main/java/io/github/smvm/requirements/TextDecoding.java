package io.github.smvm.requirements;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes a requirements file the way pip does, except for the last step: a byte-order mark
 * decides the encoding, then a PEP 263 {@code coding:} comment in the first two lines; otherwise
 * the text must be UTF-8 (pip falls back to the locale's encoding, which would make the result
 * depend on the build machine).
 */
final class TextDecoding {

    private static final Pattern CODING = Pattern.compile("coding[:=]\\s*([-\\w.]+)");

    private TextDecoding() {
    }

    static String decode(Path file, byte[] data) {
        Charset bomCharset = null;
        int skip = 0;
        if (startsWith(data, 0x00, 0x00, 0xFE, 0xFF)) {
            bomCharset = Charset.forName("UTF-32BE");
            skip = 4;
        } else if (startsWith(data, 0xFF, 0xFE, 0x00, 0x00)) {
            bomCharset = Charset.forName("UTF-32LE");
            skip = 4;
        } else if (startsWith(data, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            skip = 3;
        } else if (startsWith(data, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else if (startsWith(data, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            skip = 2;
        }
        if (bomCharset != null) {
            return decode(file, data, skip, bomCharset);
        }
        Charset declared = declaredCoding(file, data);
        return decode(file, data, 0, declared != null ? declared : StandardCharsets.UTF_8);
    }

    private static Charset declaredCoding(Path file, byte[] data) {
        int start = 0;
        for (int lineNo = 1; lineNo <= 2 && start < data.length; lineNo++) {
            int end = start;
            while (end < data.length && data[end] != '\n') {
                end++;
            }
            if (data[start] == '#') {
                String line = new String(data, start, end - start, StandardCharsets.ISO_8859_1);
                Matcher m = CODING.matcher(line);
                if (m.find()) {
                    return charsetFor(file, lineNo, m.group(1));
                }
            }
            start = end + 1;
        }
        return null;
    }

    private static Charset charsetFor(Path file, int line, String name) {
        String n = name.toLowerCase(Locale.ROOT).replace('_', '-');
        switch (n) {
            case "latin-1", "latin1", "iso-latin-1", "l1" -> n = "ISO-8859-1";
            case "utf8", "utf-8-sig" -> n = "UTF-8";
            default -> { }
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new RequirementsFileException(file, line, 0,
                    "unknown encoding '" + name + "' in the coding declaration; use UTF-8 (or declare a known encoding)");
        }
    }

    private static String decode(Path file, byte[] data, int offset, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(data, offset, data.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L,
                (long) (data.length - offset) * (long) Math.ceil(decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalid(file, data, in.position(), result.length(), charset);
        }
        out.flip();
        return out.toString();
    }

    private static RequirementsFileException invalid(Path file, byte[] data, int pos, int length, Charset charset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < pos && i < data.length; i++) {
            if (data[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        StringBuilder bytes = new StringBuilder();
        for (int i = pos; i < pos + Math.max(1, length) && i < data.length; i++) {
            if (bytes.length() > 0) {
                bytes.append(' ');
            }
            bytes.append(String.format("0x%02X", data[i] & 0xFF));
        }
        boolean asciiCompatible = charset.equals(StandardCharsets.UTF_8) || charset.newEncoder().maxBytesPerChar() == 1f;
        if (!asciiCompatible) {
            return new RequirementsFileException(file, 0, 0,
                    "bytes " + bytes + " at byte offset " + pos + " are not valid " + charset.name()
                            + "; save the file as UTF-8");
        }
        return new RequirementsFileException(file, line, pos - lineStart + 1,
                "bytes " + bytes + " are not valid " + charset.name()
                        + "; save the file as UTF-8 (a byte-order mark is allowed)");
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

}
