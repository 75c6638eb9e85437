package dev.retort.core.application.port.in;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renames given on the command line: {@code old_table=new_table} or {@code table.old_column=new_column}
 * (the table is named as it is in the model).
 */
public record Renames(Map<String, String> tables, Map<String, Map<String, String>> columns) {
    private static final Pattern TABLE = Pattern.compile("([^.=\\s]+)=([^.=\\s]+)");
    private static final Pattern COLUMN = Pattern.compile("([^.=\\s]+)\\.([^.=\\s]+)=([^.=\\s]+)");
    public static final Renames NONE = new Renames(Map.of(), Map.of());

    public Renames {
        tables = Map.copyOf(tables);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        columns.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        columns = java.util.Collections.unmodifiableMap(copy);
    }

    /** @throws IllegalArgumentException naming the malformed spec */
    public static Renames parse(List<String> specs) {
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, Map<String, String>> columns = new LinkedHashMap<>();
        for (String spec : specs == null ? List.<String>of() : specs) {
            String s = spec.strip();
            Matcher c = COLUMN.matcher(s);
            Matcher t = TABLE.matcher(s);
            if (c.matches()) {
                columns.computeIfAbsent(c.group(1), k -> new LinkedHashMap<>()).put(c.group(2), c.group(3));
            } else if (t.matches()) {
                tables.put(t.group(1), t.group(2));
            } else {
                throw new IllegalArgumentException("--rename '" + spec + "' is not old_table=new_table or table.old_column=new_column");
            }
        }
        return new Renames(tables, columns);
    }
}
