package dev.retort.core.domain.diff;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What to compare, and how.
 *
 * @param includeTables glob patterns ({@code *}, {@code ?}) of tables to compare; empty means all
 * @param excludeTables glob patterns of tables never compared
 * @param comparable    maps a schema to the form in which equal means "the database holds it" (a
 *                      dialect's type rules); applied to both sides before comparing
 * @param renames       tables renamed from key to value ({@code --rename old=new})
 * @param columnRenames per table (the new table name), columns renamed from key to value
 *                      ({@code --rename table.old=new})
 */
public record DiffOptions(List<String> includeTables, List<String> excludeTables, UnaryOperator<dev.retort.core.domain.schema.Schema> comparable,
                          Map<String, String> renames, Map<String, Map<String, String>> columnRenames) {
    public static final DiffOptions DEFAULT = new DiffOptions(List.of(), List.of(), null, Map.of(), Map.of());

    public DiffOptions {
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
        comparable = comparable == null ? UnaryOperator.identity() : comparable;
        renames = renames == null ? Map.of() : Map.copyOf(renames);
        columnRenames = columnRenames == null ? Map.of() : Map.copyOf(columnRenames);
    }

    public DiffOptions(List<String> includeTables, List<String> excludeTables) {
        this(includeTables, excludeTables, null, Map.of(), Map.of());
    }

    public DiffOptions withComparable(UnaryOperator<dev.retort.core.domain.schema.Schema> value) {
        return new DiffOptions(includeTables, excludeTables, value, renames, columnRenames);
    }

    public DiffOptions withRenames(Map<String, String> tables, Map<String, Map<String, String>> columns) {
        return new DiffOptions(includeTables, excludeTables, comparable, tables, columns);
    }

    public boolean compares(String table) {
        if (!includeTables.isEmpty() && includeTables.stream().noneMatch(p -> glob(p, table))) {
            return false;
        }
        return excludeTables.stream().noneMatch(p -> glob(p, table));
    }

    private static boolean glob(String pattern, String name) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return name.matches(re.toString());
    }
}
