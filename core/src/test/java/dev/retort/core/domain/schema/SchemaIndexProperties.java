package dev.retort.core.domain.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Schemas derived step by step (persistent name index) agree with a plain ordered map, names with equal hash codes included. */
class SchemaIndexProperties {

    @Provide
    Arbitrary<List<String>> steps() {
        // "Aa" and "BB" (and their concatenations) share hash codes; t_<n> spreads over the trie.
        Arbitrary<String> name = Arbitraries.oneOf(Arbitraries.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"),
                Arbitraries.integers().between(0, 400).map(i -> "t_" + i));
        Arbitrary<String> op = Arbitraries.of("+", "-", "~", "=");
        return net.jqwik.api.Combinators.combine(op, name).as((o, n) -> o + n).list().ofMaxSize(300);
    }

    @Property(tries = 300)
    void derived_schemas_agree_with_an_ordered_map(@ForAll("steps") List<String> steps) {
        Schema schema = Schema.EMPTY;
        Map<String, Table> model = new LinkedHashMap<>();
        List<Schema> history = new ArrayList<>();
        for (String step : steps) {
            String name = step.substring(1);
            Table t = Table.of(name, List.of(Column.of("c" + step.hashCode(), ColumnType.varchar(10), true)));
            switch (step.charAt(0)) {
                case '+' -> {
                    if (model.containsKey(name)) {
                        Schema s = schema;
                        assertThrows(IllegalArgumentException.class, () -> s.withTable(t));
                    } else {
                        schema = schema.withTable(t);
                        model.put(name, t);
                    }
                }
                case '-' -> {
                    schema = schema.withoutTable(name);
                    model.remove(name);
                }
                case '~' -> {
                    schema = schema.replaceTable(name, t);
                    model.replace(name, t);
                }
                default -> {
                    String renamed = name + "_r";
                    if (model.containsKey(name) && !model.containsKey(renamed)) {
                        schema = schema.replaceTable(name, t.withName(renamed));
                        Map<String, Table> next = new LinkedHashMap<>();
                        model.forEach((k, v) -> next.put(k.equals(name) ? renamed : k, k.equals(name) ? t.withName(renamed) : v));
                        model = next;
                    }
                }
            }
            history.add(schema);
            assertEquals(new ArrayList<>(model.values()), schema.tables());
            for (String n : List.of(name, name + "_r", "Aa", "BB", "t_1")) {
                assertEquals(model.get(n), schema.table(n).orElse(null), n);
            }
        }
        for (Schema s : history) {
            for (Table t : s.tables()) {
                assertEquals(t, s.table(t.name()).orElseThrow(), "an older schema keeps its own index");
            }
            assertEquals(s, new Schema(s.tables()));
        }
    }
}
