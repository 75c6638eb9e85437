package dev.retort.adapter.config;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.revision.Revision;
import java.text.Normalizer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic's {@code file_template}: {@code %(rev)s}, {@code %(slug)s}, and the UTC creation time
 * as {@code %(year)d}, {@code %(month).2d}, {@code %(day).2d}, {@code %(hour).2d},
 * {@code %(minute).2d}, {@code %(second).2d}; {@code %%} is a literal percent sign.
 */
final class FileTemplate {
    static final String DEFAULT = "%(rev)s_%(slug)s";
    static final int SLUG_MAX = 40;
    private static final Pattern TOKEN = Pattern.compile("%%|%\\((\\w+)\\)(s|d|\\.2d|02d)|%");
    private static final List<String> NAMES = List.of("rev", "slug", "year", "month", "day", "hour", "minute", "second");

    private final String template;

    FileTemplate(String template) {
        this.template = template;
        Matcher m = TOKEN.matcher(template);
        while (m.find()) {
            if (m.group().equals("%")) {
                throw invalid("has a lone '%' at position " + (m.start() + 1));
            }
            if (m.group(1) != null && !NAMES.contains(m.group(1))) {
                throw invalid("uses unknown token " + m.group());
            }
        }
        if (template.contains("/") || template.contains("\\")) {
            throw invalid("contains a path separator");
        }
    }

    private ConfigException invalid(String problem) {
        return new ConfigException("file_template '" + template + "' " + problem
                + "; expected text with %(rev)s, %(slug)s, %(year)d, %(month).2d, %(day).2d, %(hour).2d, %(minute).2d, %(second).2d");
    }

    /** The file name without extension. */
    String render(Revision rev) {
        ZonedDateTime t = (rev.created() == null ? Instant.now() : rev.created()).atZone(ZoneOffset.UTC);
        Matcher m = TOKEN.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group().equals("%%")) {
                value = "%";
            } else {
                String name = m.group(1);
                int number = switch (name) {
                    case "year" -> t.getYear();
                    case "month" -> t.getMonthValue();
                    case "day" -> t.getDayOfMonth();
                    case "hour" -> t.getHour();
                    case "minute" -> t.getMinute();
                    case "second" -> t.getSecond();
                    default -> -1;
                };
                if (name.equals("rev")) {
                    value = rev.id().value();
                } else if (name.equals("slug")) {
                    value = slug(rev.message());
                } else {
                    value = m.group(2).equals("s") || m.group(2).equals("d") ? Integer.toString(number) : String.format("%02d", number);
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        // an empty slug must not leave "3f2a9c1b7d4e_" behind
        String name = sb.toString().replaceAll("^[_\\-. ]+|[_\\-. ]+$", "");
        return name.isEmpty() ? rev.id().value() : name;
    }

    /** Lowercase ASCII letters and digits, everything else one {@code _}, at most 40 characters. */
    static String slug(String message) {
        String ascii = Normalizer.normalize(message == null ? "" : message, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String s = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        if (s.length() > SLUG_MAX) {
            s = s.substring(0, SLUG_MAX);
        }
        return s.replaceAll("^_+|_+$", "");
    }
}
