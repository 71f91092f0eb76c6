package io.github.smvm.report;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The files {@code assess} can write. {@link #JSON} is always written: the other goals read it. */
public enum ReportFormat {
    /** {@code wheel-health.json}, the contract. */
    JSON(WheelHealthReport.FILE_NAME),
    /** {@code wheel-health.html}, one self-contained page. */
    HTML(HtmlReport.FILE_NAME),
    /** {@code wheel-health.md}, a summary for pull-request comments and CI job summaries. */
    MD(MarkdownReport.FILE_NAME),
    /** {@code TEST-smvm-wheel-health.xml}, JUnit XML for CI test views. */
    JUNIT(JUnitReport.FILE_NAME);

    private final String fileName;

    ReportFormat(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    /** The lower-case name used in {@code smvm.formats}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The valid names, comma-separated, for messages. */
    public static String validNames() {
        return Arrays.stream(values()).map(ReportFormat::id).collect(Collectors.joining(", "));
    }

    /**
     * Parses a comma-separated list such as {@code json,html,md,junit} (case and blanks ignored, repeats
     * allowed). The result always contains {@link #JSON}.
     *
     * @throws IllegalArgumentException naming the unknown entry and the valid names
     */
    public static Set<ReportFormat> parseList(String list) {
        Set<ReportFormat> formats = EnumSet.of(JSON);
        if (list == null) {
            return formats;
        }
        for (String part : list.split(",", -1)) {
            String name = part.strip().toLowerCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            ReportFormat format = Arrays.stream(values()).filter(f -> f.id().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + part.strip() + "' is not a report format; valid: "
                            + validNames() + " (json is always written)"));
            formats.add(format);
        }
        return formats;
    }
}
