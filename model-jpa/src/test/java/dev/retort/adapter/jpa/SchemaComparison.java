package dev.retort.adapter.jpa;

import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What differs between two inspected schemas in tables, columns (type, nullability,
 * autoincrement), primary keys, foreign keys, unique constraints and indexes, ignoring constraint
 * and index names, column order, defaults, comments and checks. Each difference is one line,
 * {@code <table>[.<column>]: <what> retort=<x> hibernate=<y>}, sorted.
 */
final class SchemaComparison {
    private SchemaComparison() {
    }

    static List<String> differences(Schema retort, Schema hibernate) {
        TreeSet<String> out = new TreeSet<>();
        TreeSet<String> names = new TreeSet<>(JpaPipelineTest.userTables(retort));
        names.addAll(JpaPipelineTest.userTables(hibernate));
        for (String name : names) {
            Table r = retort.table(name).orElse(null);
            Table h = hibernate.table(name).orElse(null);
            if (r == null || h == null) {
                out.add(name + ": table only in " + (r == null ? "hibernate" : "retort"));
                continue;
            }
            TreeSet<String> columns = new TreeSet<>();
            r.columns().forEach(c -> columns.add(c.name()));
            h.columns().forEach(c -> columns.add(c.name()));
            for (String c : columns) {
                Column rc = r.column(c).orElse(null);
                Column hc = h.column(c).orElse(null);
                if (rc == null || hc == null) {
                    out.add(name + "." + c + ": column only in " + (rc == null ? "hibernate" : "retort"));
                    continue;
                }
                if (!rc.type().equals(hc.type())) {
                    out.add(name + "." + c + ": type retort=" + rc.type() + " hibernate=" + hc.type());
                }
                if (rc.nullable() != hc.nullable()) {
                    out.add(name + "." + c + ": nullable retort=" + rc.nullable() + " hibernate=" + hc.nullable());
                }
                if (rc.autoincrement() != hc.autoincrement()) {
                    out.add(name + "." + c + ": autoincrement retort=" + rc.autoincrement() + " hibernate=" + hc.autoincrement());
                }
            }
            String rpk = r.primaryKey() == null ? "none" : r.primaryKey().columns().toString();
            String hpk = h.primaryKey() == null ? "none" : h.primaryKey().columns().toString();
            if (!rpk.equals(hpk)) {
                out.add(name + ": primary key retort=" + rpk + " hibernate=" + hpk);
            }
            compareSets(out, name, "foreign key", r.foreignKeys(), h.foreignKeys(),
                    (ForeignKey f) -> f.columns() + "->" + f.referencedTable() + f.referencedColumns() + " on delete " + f.onDelete().fileName());
            compareSets(out, name, "unique", r.uniqueConstraints(), h.uniqueConstraints(), (UniqueConstraint u) -> u.columns().toString());
            compareSets(out, name, "index", r.indexes(), h.indexes(), (Index i) -> (i.unique() ? "unique " : "") + i.columns());
        }
        return new ArrayList<>(out);
    }

    private static <T> void compareSets(TreeSet<String> out, String table, String what, List<T> retort, List<T> hibernate, Function<T, String> key) {
        TreeSet<String> r = new TreeSet<>(retort.stream().map(key).toList());
        TreeSet<String> h = new TreeSet<>(hibernate.stream().map(key).toList());
        for (String k : r) {
            if (!h.contains(k)) {
                out.add(table + ": " + what + " " + k + " only in retort");
            }
        }
        for (String k : h) {
            if (!r.contains(k)) {
                out.add(table + ": " + what + " " + k + " only in hibernate");
            }
        }
    }
}
