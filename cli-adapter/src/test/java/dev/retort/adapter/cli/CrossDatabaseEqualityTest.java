package dev.retort.adapter.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.retort.adapter.config.YamlScriptRepository;
import dev.retort.api.Reporters;
import dev.retort.api.Retort;
import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.application.port.out.SchemaNormalizer;
import dev.retort.core.domain.operation.SchemaEvolution;
import dev.retort.core.domain.revision.RevisionGraph;
import dev.retort.core.domain.revision.RevisionId;
import dev.retort.core.domain.revision.SchemaReplay;
import dev.retort.core.domain.schema.Column;
import dev.retort.core.domain.schema.Schema;
import dev.retort.core.domain.schema.Table;
import dev.retort.dialect.jdbc.ContractFeature;
import dev.retort.dialect.jdbc.PostgresTestServer;
import dev.retort.dialect.jdbc.TestDatabases;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One realistic project (src/test/resources/crossdb: four revisions with every portable type,
 * enums, defaults, identity columns, foreign keys with actions, checks, unique and plain indexes,
 * comments, renames of a table and columns, alter_column of type, nullability, default and
 * comment, constraint swaps and raw SQL) run through the Java API on SQLite, PostgreSQL and
 * MariaDB/MySQL side by side. After every step up and every step down, each database is inspected
 * and
 * <ol>
 *   <li>equals the schema the revisions describe ({@link SchemaReplay}), both through that
 *       database's own normalizer (so every dialect renders what the files say; after a step
 *       down, the schema the downgrade operations leave), and</li>
 *   <li>equals each other database, both through the two dialects' normalizers composed (so what
 *       one database stores as {@code uuid} and the other as {@code char(36)} compares equal,
 *       and anything else that differs is reported table by table, column by column).</li>
 * </ol>
 * Comments are compared only between PostgreSQL and MySQL: SQLite has none. PostgreSQL comes from
 * {@code RETORT_TEST_POSTGRES_URL} (else Docker), MySQL/MariaDB from {@code RETORT_TEST_MYSQL_URL};
 * when one is missing the test is skipped with the reason, or fails under
 * {@code RETORT_TEST_REQUIRE_DATABASES=true}. Each run uses a PostgreSQL schema and a MySQL
 * database of its own, dropped afterwards.
 */
class CrossDatabaseEqualityTest {
    private static final List<String> REVISIONS = List.of("a1000000000a_accounts_and_products.yaml", "b2000000000b_orders.yaml",
            "c3000000000c_alter_and_rename.yaml", "d4000000000d_constraints_and_seed.yaml");

    @TempDir
    Path dir;

    /** One database under test: where it is, and the Retort that migrates it. */
    private record Target(String name, ConnectionSettings settings, Retort retort, boolean comments) {
    }

    @Test
    void the_same_revisions_give_equal_schemas_on_sqlite_postgresql_and_mariadb_at_every_step_up_and_down() throws Exception {
        String postgres = PostgresTestServer.url();
        String mysql = TestDatabases.urlFromEnvironment(TestDatabases.MYSQL_URL, "MySQL/MariaDB", "jdbc:mysql://127.0.0.1:3306/test?user=root");
        Path scripts = project();
        RevisionGraph graph = RevisionGraph.of(new YamlScriptRepository(scripts, "%(rev)s_%(slug)s").loadAll());

        String schema = TestDatabases.uniqueName("crossdb");
        String database = TestDatabases.uniqueName("crossdb");
        execute(postgres, "CREATE SCHEMA \"" + schema + "\"");
        try {
            execute(mysql, "CREATE DATABASE `" + database + "`");
            try {
                String mysqlUrl = OfflineScriptEndToEndTest.withDatabase(mysql, database);
                List<Target> targets = List.of(
                        target("sqlite", new ConnectionSettings("jdbc:sqlite:" + dir.resolve("crossdb.db"), null, null, null, null), scripts, false),
                        target("postgres", new ConnectionSettings(postgres, null, null, schema, null), scripts, true),
                        target("mysql", new ConnectionSettings(mysqlUrl, null, null, null, null), scripts, true));

                for (String rev : List.of("a1000000000a", "b2000000000b", "c3000000000c", "d4000000000d")) {
                    targets.forEach(t -> t.retort().upgrade("+1"));
                    assertAllEqual(targets, replay(graph, rev), "after upgrade to " + rev);
                }
                assertEquals(List.of("d4000000000d"), targets.stream().map(t -> t.retort().current().get(0).id().value()).distinct().toList());
                // What the downgrades describe: a column added back comes last, so not the forward replay.
                Schema expected = replay(graph, "d4000000000d");
                for (String rev : List.of("d4000000000d", "c3000000000c", "b2000000000b")) {
                    targets.forEach(t -> t.retort().downgrade("-1"));
                    expected = SchemaEvolution.applyAll(expected, graph.get(RevisionId.of(rev)).downgrade());
                    assertAllEqual(targets, expected, "after downgrading " + rev);
                }
                targets.forEach(t -> t.retort().downgrade("base"));
                assertAllEqual(targets, Schema.EMPTY, "after downgrade to base");
            } finally {
                execute(mysql, "DROP DATABASE IF EXISTS `" + database + "`");
            }
        } finally {
            execute(postgres, "DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
        }
    }

    @Test
    void a_difference_is_reported_with_its_table_and_column() {
        Table a = Table.of("item", List.of(Column.of("id", dev.retort.core.domain.schema.ColumnType.parse("integer"), false),
                Column.of("name", dev.retort.core.domain.schema.ColumnType.parse("varchar(20)"), true)));
        Table b = a.replaceColumn("name", Column.of("name", dev.retort.core.domain.schema.ColumnType.parse("varchar(30)"), true));
        String report = differences("sqlite", new Schema(List.of(a)), "mysql", new Schema(List.of(b, Table.of("extra", a.columns()))));
        assertEquals("""
                table extra: sqlite has no such table
                table item column name: sqlite has Column[name=name, type=varchar(20), nullable=true, defaultValue=null, autoincrement=false, comment=null], \
                mysql has Column[name=name, type=varchar(30), nullable=true, defaultValue=null, autoincrement=false, comment=null]""", report);
    }

    private Target target(String name, ConnectionSettings settings, Path scripts, boolean comments) {
        Retort retort = Retort.configure().url(settings.url()).schema(settings.schema()).scriptLocation(scripts).reporter(Reporters.silent()).load();
        return new Target(name, settings, retort, comments);
    }

    private static Schema replay(RevisionGraph graph, String revision) {
        return SchemaReplay.at(graph, List.of(RevisionId.of(revision))).schema();
    }

    private void assertAllEqual(List<Target> targets, Schema expected, String when) {
        Map<Target, Schema> inspected = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (Target t : targets) {
            try (Dialect d = open(t.settings())) {
                Schema actual = d.inspector().inspect();
                inspected.put(t, actual);
                Predicate<ContractFeature> features = f -> t.comments() || f != ContractFeature.COMMENTS;
                Schema want = comparable(expected, features, d.normalizer());
                Schema got = comparable(actual, features, d.normalizer());
                if (!want.equals(got)) {
                    problems.add(when + ", " + t.name() + " differs from the revisions:\n" + differences("the revisions", want, t.name(), got));
                }
            }
        }
        for (int i = 0; i < targets.size(); i++) {
            for (int j = i + 1; j < targets.size(); j++) {
                Target a = targets.get(i);
                Target b = targets.get(j);
                SchemaNormalizer both;
                SchemaNormalizer na;
                SchemaNormalizer nb;
                try (Dialect da = open(a.settings()); Dialect db = open(b.settings())) {
                    na = da.normalizer();
                    nb = db.normalizer();
                }
                both = s -> nb.normalize(na.normalize(nb.normalize(s)));
                Predicate<ContractFeature> features = f -> (a.comments() && b.comments()) || f != ContractFeature.COMMENTS;
                Schema sa = comparable(inspected.get(a), features, both);
                Schema sb = comparable(inspected.get(b), features, both);
                if (!sa.equals(sb)) {
                    problems.add(when + ", " + a.name() + " and " + b.name() + " differ:\n" + differences(a.name(), sa, b.name(), sb));
                }
            }
        }
        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems));
        }
    }

    private static Schema comparable(Schema schema, Predicate<ContractFeature> features, SchemaNormalizer dialect) {
        return new dev.retort.dialect.jdbc.SchemaNormalizer(features).normalize(dialect.normalize(schema));
    }

    private static Dialect open(ConnectionSettings settings) {
        for (DialectProvider p : ServiceLoader.load(DialectProvider.class)) {
            if (p.accepts(settings.url())) {
                return p.open(settings);
            }
        }
        throw new AssertionError("no dialect on the test class path accepts " + settings.maskedUrl());
    }

    /** The differences of two comparable schemas, one line per table or column that differs. */
    static String differences(String nameA, Schema a, String nameB, Schema b) {
        List<String> lines = new ArrayList<>();
        TreeSet<String> tables = new TreeSet<>(a.tableNames());
        tables.addAll(b.tableNames());
        for (String name : tables) {
            Table ta = a.table(name).orElse(null);
            Table tb = b.table(name).orElse(null);
            if (ta == null || tb == null) {
                lines.add("table " + name + ": " + (ta == null ? nameA : nameB) + " has no such table");
                continue;
            }
            TreeSet<String> columns = new TreeSet<>();
            ta.columns().forEach(c -> columns.add(c.name()));
            tb.columns().forEach(c -> columns.add(c.name()));
            for (String c : columns) {
                Column ca = ta.column(c).orElse(null);
                Column cb = tb.column(c).orElse(null);
                if (!Objects.equals(ca, cb)) {
                    lines.add("table " + name + " column " + c + ": " + nameA + " has " + ca + ", " + nameB + " has " + cb);
                }
            }
            List<String> ordera = ta.columns().stream().map(Column::name).toList();
            List<String> orderb = tb.columns().stream().map(Column::name).toList();
            if (!ordera.equals(orderb) && new TreeSet<>(ordera).equals(new TreeSet<>(orderb))) {
                lines.add("table " + name + " column order: " + nameA + " has " + ordera + ", " + nameB + " has " + orderb);
            }
            part(lines, name, "primary key", nameA, ta.primaryKey(), nameB, tb.primaryKey());
            part(lines, name, "unique constraints", nameA, ta.uniqueConstraints(), nameB, tb.uniqueConstraints());
            part(lines, name, "indexes", nameA, ta.indexes(), nameB, tb.indexes());
            part(lines, name, "foreign keys", nameA, ta.foreignKeys(), nameB, tb.foreignKeys());
            part(lines, name, "checks", nameA, ta.checks(), nameB, tb.checks());
            part(lines, name, "comment", nameA, ta.comment(), nameB, tb.comment());
        }
        return String.join("\n", lines);
    }

    private static void part(List<String> lines, String table, String what, String nameA, Object a, String nameB, Object b) {
        if (!Objects.equals(a, b)) {
            lines.add("table " + table + " " + what + ": " + nameA + " has " + a + ", " + nameB + " has " + b);
        }
    }

    private Path project() throws IOException {
        Path versions = Files.createDirectories(dir.resolve("crossdb/versions"));
        for (String file : REVISIONS) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/crossdb/versions/" + file), file)) {
                Files.copy(in, versions.resolve(file));
            }
        }
        return dir.resolve("crossdb");
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url.startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring(13) : url);
             Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
