package dev.retort.adapter.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.Mark;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import dev.retort.core.domain.ConfigException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads YAML into {@link YamlNode}s with the streaming parser. Jackson's tree model drops
 * positions, and a data-binding error points at the end of a value, not at the key a person
 * mistyped; walking tokens keeps the start of every key and value.
 */
final class YamlTrees {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlTrees() {
    }

    /** Reads a file as UTF-8 and parses it; null when the document is empty. */
    static YamlNode read(SourceFile src) {
        String text;
        try {
            text = Files.readString(src.path());
        } catch (NoSuchFileException e) {
            throw new ConfigException(src.display() + ": file not found", e);
        } catch (CharacterCodingException e) {
            throw new ConfigException(src.display() + ": not valid UTF-8; expected a UTF-8 text file", e);
        } catch (IOException e) {
            throw new ConfigException(src.display() + ": cannot read (" + e.getMessage() + ")", e);
        }
        return parse(text, src);
    }

    /** Parses one YAML document; null when it is empty or only comments. */
    static YamlNode parse(String text, SourceFile src) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        rejectControlCharacters(body, src);
        try (YAMLParser p = FACTORY.createParser(body)) {
            if (p.nextToken() == null) {
                return null;
            }
            YamlNode root = node(p, src);
            if (p.nextToken() != null) {
                throw src.error(mark(p), "a second YAML document starts here", "one document per file (remove the '---' line)");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw syntaxError(src, e, body);
        } catch (IOException e) {
            throw new ConfigException(src.display() + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Jackson 2 deprecates its wrappers of SnakeYAML's exceptions, yet they are the only way to
     * the problem's own position (the parser's location is often past it) without depending on
     * SnakeYAML directly.
     */
    @SuppressWarnings("deprecation")
    private static ConfigException syntaxError(SourceFile src, JsonProcessingException e, String text) {
        String expected = "well-formed YAML (check indentation, and quote values containing ': ', '#', '[' or '{')";
        if (e instanceof MarkedYAMLException y) {
            Mark m = y.getProblemMark();
            YamlNode.Mark at = m == null ? mark(e.getLocation()) : new YamlNode.Mark(m.getLine() + 1, m.getColumn() + 1);
            String context = y.getContext() == null ? "" : " " + y.getContext();
            return src.error(at, "invalid YAML" + context + ": " + y.getProblem(), expected, e);
        }
        String msg = e.getOriginalMessage();
        if (msg != null && msg.contains("nesting depth")) {
            return src.error(tooDeep(text), "invalid YAML: nesting deeper than " + MAX_DEPTH + " levels of lists and mappings",
                    "at most " + MAX_DEPTH + " nested lists and mappings", e);
        }
        if (msg != null && msg.startsWith("Expected a field name")) {
            msg = "a mapping key must be a plain name, not a list or mapping";
        }
        return src.error(mark(e.getLocation()), "invalid YAML: " + msg, expected, e);
    }

    /** The parser's nesting limit (Jackson's default). */
    private static final int MAX_DEPTH = 1000;

    /** Where flow brackets first nest deeper than the parser allows (quoted text skipped); the file's start when not found. */
    private static YamlNode.Mark tooDeep(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote || c == '\n' ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if ((c == '[' || c == '{') && ++depth > MAX_DEPTH) {
                return markAt(text, i);
            } else if (c == ']' || c == '}') {
                depth--;
            }
        }
        return new YamlNode.Mark(1, 1);
    }

    /** YAML allows tab, line breaks and printable characters only; a NUL or other control character is refused where it is. */
    private static void rejectControlCharacters(String text, SourceFile src) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F && c != 0x85) || c == '\uFFFE' || c == '\uFFFF') {
                throw src.error(markAt(text, i), String.format(java.util.Locale.ROOT,
                        "a control character U+%04X, which YAML does not allow", (int) c), "text without control characters");
            }
        }
    }

    /** Line and column (from 1) of a character of {@code text}. */
    private static YamlNode.Mark markAt(String text, int index) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < index; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new YamlNode.Mark(line, index - lineStart + 1);
    }

    private static YamlNode node(YAMLParser p, SourceFile src) throws IOException {
        YamlNode.Mark at = mark(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() != JsonToken.END_OBJECT) {
                    String key = p.currentName();
                    YamlNode.Mark keyMark = mark(p);
                    p.nextToken();
                    YamlNode value = node(p, src);
                    YamlNode.Entry previous = entries.put(key, new YamlNode.Entry(key, keyMark, value));
                    if (previous != null) {
                        throw src.error(keyMark, "duplicate key '" + key + "' (first at line " + previous.keyMark().line() + ")",
                                "each key once");
                    }
                }
                return new YamlNode.Mapping(Collections.unmodifiableMap(entries), at);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(node(p, src));
                }
                return new YamlNode.Sequence(List.copyOf(items), at);
            }
            case VALUE_STRING -> {
                if (p.isCurrentAlias()) {
                    throw src.error(at, "YAML aliases (*" + p.getText() + ") are not supported", "the value written out in full");
                }
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.STRING, at);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.NUMBER, at);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarKind.BOOLEAN, at);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar(null, YamlNode.ScalarKind.NULL, at);
            }
            default -> throw src.error(at, "unsupported YAML value (" + t + ")", "text, a number, true/false, a list or a mapping");
        }
    }

    private static YamlNode.Mark mark(YAMLParser p) {
        return mark(p.currentTokenLocation());
    }

    private static YamlNode.Mark mark(JsonLocation l) {
        return l == null ? null : new YamlNode.Mark(Math.max(l.getLineNr(), 1), Math.max(l.getColumnNr(), 1));
    }
}
