package dev.retort.adapter.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.domain.ConfigException;
import dev.retort.core.domain.revision.Revision;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/** Every malformed revision file fails with {@code <file>:<line>:<column>: <problem>; expected <what>}. */
class RevisionFileErrorTest {
    private static final String HEAD = "revision: a1b2c3\ndown_revision: null\nupgrade:\n";

    @TempDir
    Path dir;

    static Stream<Arguments> bad_files() {
        return Stream.of(
                // name, file text, "line:column", phrases the message must contain
                Arguments.of("unclosed flow list", HEAD + "  - create_index: {name: ix, table: t, columns: [a}\n",
                        "4:51", new String[] {"invalid YAML", "expected well-formed YAML"}),
                Arguments.of("tab indentation", HEAD + "\t- drop_table: t\n", "4:1", new String[] {"invalid YAML", "TAB"}),
                Arguments.of("unknown top-level key", HEAD.replace("upgrade:\n", "") + "mesage: hi\n", "3:1",
                        new String[] {"unknown key 'mesage'", "did you mean 'message'", "expected one of: revision, down_revision"}),
                Arguments.of("unknown operation", HEAD + "  - create_tabel: {name: t}\n", "4:5",
                        new String[] {"unknown operation 'create_tabel'", "did you mean 'create_table'", "expected one of: create_table"}),
                Arguments.of("fields not indented under the operation", HEAD + "  - create_index:\n    name: ix\n", "4:5",
                        new String[] {"has 2 keys (create_index, name)", "indent an operation's fields under its name"}),
                Arguments.of("operation without colon", HEAD + "  - drop_table\n", "4:5",
                        new String[] {"an operation is the text 'drop_table'", "needs ': '"}),
                Arguments.of("operation without fields", HEAD + "  - create_index:\n", "4:5",
                        new String[] {"create_index has no fields", "expected create_index: {name, table, columns, unique?}"}),
                Arguments.of("missing field", HEAD + "  - create_index: {name: ix, columns: [a]}\n", "4:19",
                        new String[] {"create_index is missing 'table'", "expected table: the table name"}),
                Arguments.of("wrong boolean", HEAD + "  - alter_column: {table: t, column: c, nullable: maybe}\n", "4:51",
                        new String[] {"'nullable' of alter_column is the text 'maybe'", "expected true or false"}),
                Arguments.of("bad type text", HEAD + "  - add_column: {table: t, column: {name: c, type: \"varchar(abc)\"}}\n", "4:52",
                        new String[] {"non-numeric argument", "column c", "expected a column type such as bigint"}),
                Arguments.of("enum without values", HEAD + "  - add_column: {table: t, column: {name: c, type: enum}}\n", "4:52",
                        new String[] {"needs its values", "expected a column type"}),
                Arguments.of("invalid revision id", "revision: not-an-id\ndown_revision: null\n", "1:11",
                        new String[] {"'not-an-id' is not a valid revision id", "expected a revision id such as 3f2a9c1b7d4e"}),
                Arguments.of("reserved revision id", "revision: head\ndown_revision: null\n", "1:11",
                        new String[] {"'head' is reserved"}),
                Arguments.of("missing revision", "down_revision: null\n", "1:1",
                        new String[] {"a revision file is missing 'revision'"}),
                Arguments.of("missing down_revision", "revision: a1\nmessage: x\n", "1:1",
                        new String[] {"missing 'down_revision'", "null for a base"}),
                Arguments.of("down_revision is a mapping", "revision: a1\ndown_revision: {id: b}\n", "2:16",
                        new String[] {"down_revision is a mapping", "a list of ids for a merge"}),
                Arguments.of("down_revision names itself", "revision: a1\ndown_revision: [b2, a1]\n", "2:16",
                        new String[] {"names itself"}),
                Arguments.of("bad created time", "revision: a1\ndown_revision: null\ncreated: 2026-13-01\n", "3:10",
                        new String[] {"created '2026-13-01' is not an ISO-8601 time", "2026-11-25T10:00:00Z"}),
                Arguments.of("upgrade is a mapping", "revision: a1\ndown_revision: null\nupgrade:\n  drop_table: t\n", "4:3",
                        new String[] {"upgrade is a mapping", "expected a list of operations"}),
                Arguments.of("create_table without columns", HEAD + "  - create_table: {name: t}\n", "4:19",
                        new String[] {"create_table is missing 'columns'"}),
                Arguments.of("create_table with empty columns", HEAD + "  - create_table: {name: t, columns: []}\n", "4:38",
                        new String[] {"table t has no columns"}),
                Arguments.of("duplicate column", HEAD + "  - create_table:\n      name: t\n      columns:\n        - {name: id, type: int}\n"
                        + "        - {name: id, type: bigint}\n", "8:11", new String[] {"declares column 'id' twice"}),
                Arguments.of("column key typo", HEAD + "  - create_table:\n      name: invoice\n      columns:\n"
                        + "        - {name: id, type: int, nulable: false}\n", "7:33",
                        new String[] {"unknown key 'nulable' in column of table invoice", "did you mean 'nullable'"}),
                Arguments.of("index on unknown column", HEAD + "  - create_table:\n      name: t\n      columns: [{name: id, type: int}]\n"
                        + "      indexes:\n        - {name: ix, columns: [acount_id]}\n", "8:31",
                        new String[] {"index ix of table t names column 'acount_id'", "expected one of: id"}),
                Arguments.of("primary key twice", HEAD + "  - create_table:\n      name: t\n      columns: [{name: id, type: int, primary_key: true}]\n"
                        + "      primary_key: [id]\n", "7:20", new String[] {"both on columns (id) and as a table-level primary_key"}),
                Arguments.of("references without columns", HEAD + "  - add_foreign_key: {table: t, columns: [a], references: account}\n", "4:59",
                        new String[] {"references 'account' is not table(column, ...)", "expected table(column, ...), e.g. account(id)"}),
                Arguments.of("foreign key column count", HEAD + "  - add_foreign_key: {table: t, columns: [a, b], references: u(x)}\n", "4:62",
                        new String[] {"has 2 column(s) [a, b] but references 1 [x]"}),
                Arguments.of("bad on_delete", HEAD + "  - add_foreign_key: {table: t, columns: [a], references: u(x), on_delete: explode}\n", "4:76",
                        new String[] {"on_delete 'explode' is not a referential action", "cascade, restrict, set null"}),
                Arguments.of("bad constraint type", HEAD + "  - drop_constraint: {table: t, name: x, type: primary}\n", "4:48",
                        new String[] {"drop_constraint type 'primary' is not a constraint type", "primary_key, unique, foreign_key or check"}),
                Arguments.of("alter_column changing nothing", HEAD + "  - alter_column: {table: t, column: c}\n", "4:19",
                        new String[] {"changes nothing", "expected alter_column: {table, column, type?"}),
                Arguments.of("duplicate key", HEAD + "  - create_index: {name: a, name: b, table: t, columns: [x]}\n", "4:29",
                        new String[] {"duplicate key 'name' (first at line 4)"}),
                Arguments.of("alias", "revision: &r a1\ndown_revision: *r\n", "2:16", new String[] {"aliases (*r) are not supported"}),
                Arguments.of("empty file", "# nothing yet\n", "1:1", new String[] {"the revision file is empty"}),
                Arguments.of("a list at the top", "- revision: a1\n", "1:1", new String[] {"a revision file is a list", "expected a mapping"}),
                Arguments.of("two documents", "revision: a1\ndown_revision: null\n---\nrevision: b1\n", "4:1",
                        new String[] {"a second YAML document", "one document per file"}),
                Arguments.of("sql value is a list", HEAD + "  - sql: {postgres: [SELECT 1]}\n", "4:21",
                        new String[] {"sql for postgres is a list", "expected SQL text"}),
                Arguments.of("empty sql", HEAD + "  - sql: \"\"\n", "4:10", new String[] {"sql needs a statement"}),
                Arguments.of("primary_key in add_column", HEAD + "  - add_column: {table: t, column: {name: id, type: int, primary_key: true}}\n",
                        "4:58", new String[] {"'primary_key' is not allowed in the column of add_column", "expected a separate add_primary_key operation"}),
                Arguments.of("complex key", "revision: a1\ndown_revision: null\n? [x]\n: 3\n", "3:4",
                        new String[] {"a mapping key must be a plain name"}),
                Arguments.of("columns is a mapping", HEAD + "  - create_index: {name: ix, table: t, columns: {a: 1}}\n", "4:49",
                        new String[] {"'columns' of create_index is a mapping", "a list of column names"}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad_files")
    void a_malformed_revision_file_names_file_line_and_column(String name, String text, String position, String[] phrases) throws IOException {
        Path versions = Files.createDirectories(dir.resolve("versions"));
        Files.writeString(versions.resolve("a1b2c3_bad.yaml"), text);

        // Operations are read on first use (graph-only commands never read them), so read them all.
        ConfigException e = assertThrows(ConfigException.class, () -> new YamlScriptRepository(dir, null, dir).loadAll().forEach(Revision::body));

        String message = e.getMessage();
        assertTrue(message.startsWith("versions/a1b2c3_bad.yaml:" + position + ": "), message);
        for (String phrase : phrases) {
            assertTrue(message.contains(phrase), () -> "'" + phrase + "' missing from: " + message);
        }
        assertTrue(message.contains("; expected "), message);
    }
}
