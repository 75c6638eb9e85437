package dev.retort.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.core.application.port.out.ConnectionSettings;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.application.port.out.DialectProvider;
import dev.retort.core.domain.DatabaseException;
import dev.retort.dialect.jdbc.JdbcDialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteDialectProviderTest {
    @TempDir
    Path dir;

    @Test
    void is_found_by_the_service_loader() {
        assertTrue(ServiceLoader.load(DialectProvider.class).stream().anyMatch(p -> p.type() == SqliteDialectProvider.class));
    }

    @Test
    void accepts_only_sqlite_urls() {
        SqliteDialectProvider p = new SqliteDialectProvider();
        assertEquals("sqlite", p.name());
        assertTrue(p.accepts("jdbc:sqlite:app.db"));
        assertTrue(p.accepts("JDBC:SQLITE::memory:"));
        assertFalse(p.accepts("jdbc:postgresql://localhost/x"));
        assertFalse(p.accepts(null));
    }

    @Test
    void opens_a_new_file_with_foreign_keys_on() throws Exception {
        Path file = dir.resolve("new.db");
        try (Dialect d = new SqliteDialectProvider().open(new ConnectionSettings("jdbc:sqlite:" + file, null, null, null, null));
             Statement st = ((JdbcDialect) d).connection().createStatement();
             ResultSet rs = st.executeQuery("PRAGMA foreign_keys")) {
            assertEquals("sqlite", d.name());
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
        }
        assertTrue(Files.exists(file));
    }

    @Test
    void a_missing_directory_is_named_in_the_error() {
        String url = "jdbc:sqlite:" + dir.resolve("no/such/dir/app.db") + "?password=hunter2";
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> new SqliteDialectProvider().open(new ConnectionSettings(url, null, "hunter2", null, null)));
        assertTrue(e.getMessage().contains(dir.resolve("no/such/dir").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void a_file_that_is_not_a_database_gives_a_database_error() throws Exception {
        Path file = dir.resolve("not-a.db");
        Files.writeString(file, "this is not a database file, it is just text that is long enough to have a header");
        DatabaseException e = assertThrows(DatabaseException.class,
                () -> new SqliteDialectProvider().open(new ConnectionSettings("jdbc:sqlite:" + file, null, null, null, null)));
        assertTrue(e.getMessage().startsWith("Cannot open SQLite database jdbc:sqlite:" + file), e.getMessage());
        assertTrue(e.getMessage().contains("not a database"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void urls_without_a_file_need_no_directory() {
        assertEquals(null, SqliteDialectProvider.missingDirectory("jdbc:sqlite::memory:"));
        assertEquals(null, SqliteDialectProvider.missingDirectory("jdbc:sqlite:"));
        assertEquals(null, SqliteDialectProvider.missingDirectory("jdbc:sqlite:file:x?mode=memory&cache=shared"));
        assertEquals(null, SqliteDialectProvider.missingDirectory("jdbc:sqlite:relative.db"));
        assertEquals(Path.of("/no/such"), SqliteDialectProvider.missingDirectory("jdbc:sqlite:file:///no/such/x.db"));
    }

    @Test
    void a_missing_or_empty_file_does_not_exist_until_something_is_written() throws Exception {
        SqliteDialectProvider p = new SqliteDialectProvider();
        Path file = dir.resolve("new.db");
        ConnectionSettings settings = new ConnectionSettings("jdbc:sqlite:" + file, null, null, null, null);
        assertFalse(p.exists(settings), "missing file");
        try (Dialect d = p.open(settings)) {
            assertTrue(Files.exists(file), "opening creates the file");
            assertFalse(p.exists(settings), "opened but empty: SQLite has written nothing");
            d.versionStore().create();
        }
        assertTrue(p.exists(settings), "the version table was written");
    }

    @Test
    void memory_databases_and_missing_folders_count_as_existing_so_opening_reports_them() {
        SqliteDialectProvider p = new SqliteDialectProvider();
        assertTrue(p.exists(new ConnectionSettings("jdbc:sqlite::memory:", null, null, null, null)));
        assertTrue(p.exists(new ConnectionSettings("jdbc:sqlite:file::memory:?cache=shared", null, null, null, null)));
        ConnectionSettings missingFolder = new ConnectionSettings("jdbc:sqlite:" + dir.resolve("no/such/x.db"), null, null, null, null);
        assertTrue(p.exists(missingFolder));
        assertThrows(DatabaseException.class, () -> p.open(missingFolder));
    }
}
