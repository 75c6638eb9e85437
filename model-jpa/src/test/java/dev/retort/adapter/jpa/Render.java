package dev.retort.adapter.jpa;

import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Index;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.core.domain.schema.UniqueConstraint;
import java.util.stream.Collectors;

/** A table of the model as compact text, so tests can state the exact mapping readably. */
final class Render {
    private Render() {
    }

    static String table(Schema schema, String name) {
        Table t = schema.table(name).orElseThrow(() -> new AssertionError("no table " + name + " in " + schema.tableNames()));
        StringBuilder b = new StringBuilder("table " + t.name());
        if (t.primaryKey() != null) {
            b.append(" primary key ").append(t.primaryKey().columns());
        }
        b.append('\n');
        for (Column c : t.columns()) {
            b.append("  ").append(c.name()).append(' ').append(c.type());
            if (!c.nullable()) {
                b.append(" not null");
            }
            if (c.autoincrement()) {
                b.append(" autoincrement");
            }
            if (c.defaultValue() != null) {
                b.append(" default ").append(c.defaultValue());
            }
            b.append('\n');
        }
        for (UniqueConstraint u : t.uniqueConstraints()) {
            b.append("  unique ").append(u.name()).append(' ').append(u.columns()).append('\n');
        }
        for (Index i : t.indexes()) {
            b.append("  ").append(i.unique() ? "unique index " : "index ").append(i.name()).append(' ').append(i.columns()).append('\n');
        }
        for (ForeignKey f : t.foreignKeys()) {
            b.append("  foreign key ").append(f.name()).append(' ').append(f.columns()).append(" -> ").append(f.referencedTable())
                    .append(f.referencedColumns()).append('\n');
        }
        return b.toString();
    }

    static String tables(Schema schema, String... names) {
        return java.util.Arrays.stream(names).map(n -> table(schema, n)).collect(Collectors.joining());
    }
}
