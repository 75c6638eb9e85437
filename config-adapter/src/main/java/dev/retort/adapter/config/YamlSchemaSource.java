package dev.retort.adapter.config;

import dev.retort.adapter.config.YamlNode.Mark;
import dev.retort.adapter.config.YamlNode.Scalar;
import dev.retort.core.application.port.out.TargetSchemaSource;
import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.ForeignKey;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The target schema from a YAML model file (Alembic's {@code target_metadata}), e.g.
 * {@code schema.yaml}: {@code tables:} holds tables in the same vocabulary as
 * {@code create_table} in revision files. Foreign keys must point at declared tables and
 * columns. An empty file, or {@code tables: []}, is an empty schema.
 *
 * <p>Reads the file on every {@link #load()}; stateless otherwise.
 */
public final class YamlSchemaSource implements TargetSchemaSource {
    private static final String SHAPE = "{tables: [{name, columns: [...], ...}]}";

    private final Path file;
    private final Path workingDir;

    /** @param workingDir paths in messages are shown relative to it */
    public YamlSchemaSource(Path file, Path workingDir) {
        this.file = Objects.requireNonNull(file, "file");
        this.workingDir = Objects.requireNonNull(workingDir, "workingDir");
    }

    /** Shows paths relative to the process's working directory. */
    public YamlSchemaSource(Path file) {
        this(file, Path.of("").toAbsolutePath());
    }

    /** The schema file read by {@link #load()}. */
    public Path file() {
        return file;
    }

    /**
     * @throws ConfigException when the file is missing or malformed, or a foreign key names an
     *         undeclared table or column
     */
    @Override
    public Schema load() {
        SourceFile src = SourceFile.of(file, workingDir);
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("schema file " + src.display() + " not found (target_metadata in retort.yaml)"
                    + "; expected a YAML file with tables: [...]");
        }
        YamlNode root = YamlTrees.read(src);
        if (root == null) {
            return Schema.EMPTY;
        }
        MappingReader r = new MappingReader(src, root, "a schema file", SHAPE, List.of("tables"));
        YamlNode tablesNode = r.get("tables");
        if (tablesNode == null || (tablesNode instanceof Scalar s && s.isNull())) {
            return Schema.EMPTY;
        }
        Map<String, Table> tables = new LinkedHashMap<>();
        Map<String, Mark> marks = new LinkedHashMap<>();
        Map<String, List<Mark>> referenceMarks = new LinkedHashMap<>();
        for (YamlNode item : MappingReader.sequence(src, tablesNode, "'tables'", "a list of tables " + TableYaml.TABLE_SHAPE).items()) {
            List<Mark> refs = new ArrayList<>();
            Table t = TableYaml.read(src, item, "table", refs);
            if (tables.containsKey(t.name())) {
                throw src.error(item.mark(), "table '" + t.name() + "' is declared twice (first at line " + marks.get(t.name()).line() + ")",
                        "each table once");
            }
            tables.put(t.name(), t);
            marks.put(t.name(), item.mark());
            referenceMarks.put(t.name(), refs);
        }
        for (Table t : tables.values()) {
            for (int i = 0; i < t.foreignKeys().size(); i++) {
                checkReference(src, referenceMarks.get(t.name()).get(i), t, t.foreignKeys().get(i), tables);
            }
        }
        return new Schema(new ArrayList<>(tables.values()));
    }

    private static void checkReference(SourceFile src, Mark at, Table t, ForeignKey fk, Map<String, Table> tables) {
        String what = "table " + t.name() + ": foreign key (" + String.join(", ", fk.columns()) + ") references "
                + fk.referencedTable() + "(" + String.join(", ", fk.referencedColumns()) + ")";
        Table target = tables.get(fk.referencedTable());
        if (target == null) {
            throw src.error(at, what + ", but table " + fk.referencedTable() + " is not declared",
                    "a table declared in this file: " + String.join(", ", tables.keySet()));
        }
        List<String> targetColumns = target.columns().stream().map(Column::name).toList();
        for (String c : fk.referencedColumns()) {
            if (!targetColumns.contains(c)) {
                throw src.error(at, what + ", but table " + target.name() + " has no column " + c,
                        "a column of " + target.name() + ": " + String.join(", ", targetColumns));
            }
        }
    }
}
