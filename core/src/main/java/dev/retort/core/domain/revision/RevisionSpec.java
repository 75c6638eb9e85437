package dev.retort.core.domain.revision;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed revision target, with Alembic's grammar: {@code head}, {@code heads}, {@code base},
 * {@code current}, an id or unique prefix or branch label, {@code label@head}, {@code label@base},
 * {@code rev@head}, {@code label@rev}, relative {@code +N} / {@code -N}, {@code rev+N}, {@code head-N}.
 */
public sealed interface RevisionSpec {

    record Head() implements RevisionSpec {
    }

    record Heads() implements RevisionSpec {
    }

    record Base() implements RevisionSpec {
    }

    record Current() implements RevisionSpec {
    }

    /** An id, a unique id prefix, or a branch label. */
    record Ref(String text) implements RevisionSpec {
    }

    /** {@code branch@head}, {@code branch@base} or {@code branch@rev}; branch is a label or a revision. */
    record At(String branch, RevisionSpec target) implements RevisionSpec {
    }

    /** {@code anchor+N} / {@code anchor-N}; a null anchor means the current database heads. */
    record Relative(RevisionSpec anchor, int steps) implements RevisionSpec {
    }

    Pattern RELATIVE = Pattern.compile("^(.*?)([+-]\\d+)$");
    Pattern REF = Pattern.compile("[A-Za-z0-9_]+");

    static RevisionSpec parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTargetException("a revision target is required (e.g. head, base, +1, -1, a revision id)", java.util.List.of());
        }
        String t = text.trim();
        Matcher m = RELATIVE.matcher(t);
        if (m.matches()) {
            int steps;
            try {
                steps = Integer.parseInt(m.group(2));
                if (steps == Integer.MIN_VALUE) {
                    throw new NumberFormatException("no positive counterpart");
                }
            } catch (NumberFormatException e) {
                throw new InvalidTargetException("relative target '" + t + "' has too large a number", java.util.List.of(t));
            }
            String anchor = m.group(1);
            if (anchor.isEmpty()) {
                return new Relative(null, steps);
            }
            if (anchor.endsWith("@")) {
                String branch = anchor.substring(0, anchor.length() - 1);
                if (!REF.matcher(branch).matches()) {
                    throw invalid(t);
                }
                return new At(branch, new Relative(null, steps));
            }
            return new Relative(parseSingle(anchor, t), steps);
        }
        return parseSingle(t, t);
    }

    private static RevisionSpec parseSingle(String t, String whole) {
        int at = t.indexOf('@');
        if (at >= 0) {
            String branch = t.substring(0, at);
            String rest = t.substring(at + 1);
            if (!REF.matcher(branch).matches() || rest.isEmpty()) {
                throw invalid(whole);
            }
            RevisionSpec target = switch (rest) {
                case "head" -> new Head();
                case "base" -> new Base();
                default -> {
                    if (!REF.matcher(rest).matches()) {
                        throw invalid(whole);
                    }
                    yield new Ref(rest);
                }
            };
            return new At(branch, target);
        }
        return switch (t) {
            case "head" -> new Head();
            case "heads" -> new Heads();
            case "base" -> new Base();
            case "current" -> new Current();
            default -> {
                if (!REF.matcher(t).matches()) {
                    throw invalid(whole);
                }
                yield new Ref(t);
            }
        };
    }

    private static InvalidTargetException invalid(String t) {
        return new InvalidTargetException("'" + t + "' is not a revision target (expected head, heads, base, an id or prefix, "
                + "a branch label, label@head, rev@head, +N, -N, rev+N or head-N)", java.util.List.of(t));
    }
}
