package dev.retort.core.domain.diff;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What to compare.
 *
 * @param includeTables glob patterns ({@code *}, {@code ?}) of tables to compare; empty means all
 * @param excludeTables glob patterns of tables never compared
 */
public record DiffOptions(List<String> includeTables, List<String> excludeTables) {
    public static final DiffOptions DEFAULT = new DiffOptions(List.of(), List.of());

    public DiffOptions {
        includeTables = includeTables == null ? List.of() : List.copyOf(includeTables);
        excludeTables = excludeTables == null ? List.of() : List.copyOf(excludeTables);
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
