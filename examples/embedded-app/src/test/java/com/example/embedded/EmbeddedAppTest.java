package com.example.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.retort.api.Reporters;
import dev.retort.api.Retort;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the application as a user would, twice, on a real SQLite file. */
class EmbeddedAppTest {
    @TempDir
    Path dir;

    @Test
    void start_up_migrates_a_new_database_to_head_and_the_app_then_uses_it() throws Exception {
        Path db = dir.resolve("notes.db");

        String first = run(db.toString(), "buy milk");

        assertTrue(first.contains("Migrated 2 revision(s) to [5e1a00000002]"), first);
        assertTrue(first.contains("1 note(s)"), first);
        assertEquals(List.of("note", "retort_version", "tag"), query(db, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name IN ('note', 'tag', 'retort_version') ORDER BY name"));
        assertEquals(List.of("5e1a00000002"), query(db, "SELECT version_num FROM retort_version"));
        assertEquals(List.of("ix_tag_note_id"), query(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tag'"
                + " AND name NOT LIKE 'sqlite_%'"));

        String second = run(db.toString(), "call mum");

        assertTrue(second.contains("Schema up to date"), second);
        assertTrue(second.contains("2 note(s)"), second);
    }

    @Test
    void the_shipped_revisions_build_exactly_the_shipped_model() throws Exception {
        Path db = dir.resolve("check.db");
        Retort retort = Retort.configure().url("jdbc:sqlite:" + db).scriptLocation("classpath:db/migrations")
                .targetMetadata("classpath:db/schema.yaml").reporter(Reporters.silent()).load();
        retort.upgrade("head");

        assertTrue(retort.check().clean(), () -> retort.check().pending().toString());
    }

    private static String run(String... args) throws SQLException {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            EmbeddedApp.main(args);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<String> query(Path db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
