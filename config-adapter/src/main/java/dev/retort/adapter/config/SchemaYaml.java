package dev.retort.adapter.config;

import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import java.util.ArrayList;
import java.util.List;

/** Writes a schema in the {@code schema.yaml} format, which {@link YamlSchemaSource} reads back. */
public final class SchemaYaml {
    private SchemaYaml() {
    }

    public static String render(Schema schema) {
        if (schema.tables().isEmpty()) {
            return "tables: []\n";
        }
        List<String> out = new ArrayList<>();
        out.add("tables:");
        for (Table t : schema.tables()) {
            out.addAll(YamlText.indent(TableYaml.lines(t), "  - ", "    "));
        }
        return String.join("\n", out) + "\n";
    }
}
