package io.github.smvm.index;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a PEP 691 JSON project page ({@code application/vnd.pypi.simple.v1+json}).
 *
 * <p>{@code meta.api-version} must have major version 1 (a missing version is a warning, since pip
 * does not check it at all); an unknown minor version is a warning. For each entry of
 * {@code files}: {@code url} (required, resolved against the page URL), {@code hashes},
 * {@code requires-python}, {@code yanked} (boolean, or a reason string; like pip, an empty string
 * or {@code false} means not yanked), {@code core-metadata} falling back to
 * {@code dist-info-metadata} (boolean or hash dictionary). As in pip, the file name comes from the
 * URL; a differing {@code filename} key is reported as a warning.
 */
public final class Pep691JsonParser {

    /** Immutable and thread-safe (an {@link ObjectReader}, not a configurable mapper). */
    private static final ObjectReader READER = new ObjectMapper().reader();

    private Pep691JsonParser() {
    }

    /** Parses a page; the project name is the JSON {@code name}, else the URL's last segment. */
    public static ProjectPage parse(URI pageUrl, String json) throws IndexFormatException {
        String where = "JSON page " + Urls.redactSecrets(pageUrl);
        JsonNode root;
        try {
            root = READER.readTree(json);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String at = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            throw new IndexFormatException("malformed " + where + at + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IndexFormatException(where + " is not a JSON object");
        }
        List<String> warnings = new ArrayList<>();
        JsonNode version = root.path("meta").path("api-version");
        if (version.isTextual()) {
            ApiVersion.check(version.asText(), where, warnings);
        } else if (version.isMissingNode() || version.isNull()) {
            warnings.add(where + " has no meta.api-version; assuming 1.0");
        } else {
            throw new IndexFormatException(where + ": meta.api-version is not a string");
        }
        String project = root.path("name").isTextual()
                ? Names.normalise(root.get("name").asText())
                : FileLinks.projectFromUrl(pageUrl);
        JsonNode filesNode = root.get("files");
        List<IndexFile> files = new ArrayList<>();
        if (filesNode == null || filesNode.isNull()) {
            warnings.add(where + " has no 'files' array");
        } else if (!filesNode.isArray()) {
            throw new IndexFormatException(where + ": 'files' is not an array");
        } else {
            for (int i = 0; i < filesNode.size(); i++) {
                IndexFile f = file(pageUrl, filesNode.get(i), "files[" + i + "]", where, warnings);
                if (f != null) {
                    files.add(f);
                }
            }
        }
        return new ProjectPage(project, pageUrl, files, warnings);
    }

    private static IndexFile file(URI pageUrl, JsonNode node, String path, String where, List<String> warnings)
            throws IndexFormatException {
        if (!node.isObject()) {
            throw new IndexFormatException(where + ": " + path + " is not an object");
        }
        JsonNode urlNode = node.get("url");
        if (urlNode == null || !urlNode.isTextual() || urlNode.asText().isBlank()) {
            throw new IndexFormatException(where + ": " + path + ".url is missing or not a string");
        }
        FileLinks.Resolved r = FileLinks.resolve(pageUrl, urlNode.asText(), warnings);
        if (r == null) {
            return null;
        }
        JsonNode filenameNode = node.get("filename");
        if (filenameNode != null && filenameNode.isTextual() && !filenameNode.asText().equals(r.filename())) {
            warnings.add(path + ": filename '" + filenameNode.asText() + "' differs from the URL's file name '"
                    + r.filename() + "'; using the URL's (as pip does)");
        }
        Map<String, String> hashes = new LinkedHashMap<>(r.hashes());
        hashes.putAll(hashDict(node.get("hashes"), path + ".hashes", where));

        String requiresPython = null;
        JsonNode rp = node.get("requires-python");
        if (rp != null && !rp.isNull()) {
            if (!rp.isTextual()) {
                throw new IndexFormatException(where + ": " + path + ".requires-python is not a string");
            }
            requiresPython = rp.asText().isBlank() ? null : rp.asText().strip();
        }

        boolean yanked = false;
        String yankedReason = null;
        JsonNode y = node.get("yanked");
        if (y != null && !y.isNull()) {
            if (y.isBoolean()) {
                yanked = y.asBoolean();
            } else if (y.isTextual()) {
                yanked = !y.asText().isEmpty();
                yankedReason = yanked ? y.asText() : null;
            } else {
                throw new IndexFormatException(where + ": " + path + ".yanked is neither a boolean nor a string");
            }
        }

        JsonNode meta = node.get("core-metadata");
        String metaKey = "core-metadata";
        if (meta == null || meta.isNull()) {
            meta = node.get("dist-info-metadata");
            metaKey = "dist-info-metadata";
        }
        boolean coreMetadata = false;
        Map<String, String> metaHashes = Map.of();
        if (meta != null && !meta.isNull()) {
            if (meta.isBoolean()) {
                coreMetadata = meta.asBoolean();
            } else if (meta.isObject()) {
                coreMetadata = true;
                metaHashes = hashDict(meta, path + "." + metaKey, where);
            } else {
                throw new IndexFormatException(where + ": " + path + "." + metaKey
                        + " is neither a boolean nor a hash dictionary");
            }
        }
        return new IndexFile(r.filename(), r.url(), hashes, requiresPython, yanked, yankedReason, coreMetadata,
                metaHashes);
    }

    private static Map<String, String> hashDict(JsonNode node, String path, String where)
            throws IndexFormatException {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new IndexFormatException(where + ": " + path + " is not an object");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new IndexFormatException(where + ": " + path + "." + e.getKey() + " is not a string");
            }
            raw.put(e.getKey(), e.getValue().asText());
        }
        return FileLinks.supportedHashes(raw);
    }
}
