package com.example.embedded;

import dev.retort.api.Retort;
import dev.retort.core.application.port.in.MigrationResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.sqlite.SQLiteDataSource;

/**
 * A plain application that owns an embedded SQLite database. At start-up it brings the schema to
 * head with Retort's Java API, from the revision files it ships under {@code db/migrations} on its
 * class path, and only then uses the database.
 *
 * <pre>
 * java -cp ... com.example.embedded.EmbeddedApp notes.db "buy milk"
 * </pre>
 */
public final class EmbeddedApp {
    private final DataSource dataSource;

    public EmbeddedApp(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static void main(String[] args) throws SQLException {
        Path file = Path.of(args.length > 0 ? args[0] : "notes.db");
        SQLiteDataSource dataSource = new SQLiteDataSource();
        dataSource.setUrl("jdbc:sqlite:" + file.toAbsolutePath());

        EmbeddedApp app = new EmbeddedApp(dataSource);
        MigrationResult migrated = app.migrate();
        System.out.println(migrated.applied().isEmpty() ? "Schema up to date"
                : "Migrated " + migrated.applied().size() + " revision(s) to " + migrated.headsAfter());
        if (args.length > 1) {
            app.addNote(args[1]);
        }
        System.out.println(app.countNotes() + " note(s) in " + file);
    }

    /** Brings the database to head; a no-op when it is there already. */
    public MigrationResult migrate() {
        return Retort.configure()
                .dataSource(dataSource)
                .scriptLocation("classpath:db/migrations")
                .load()
                .upgrade("head");
    }

    public void addNote(String body) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO note (body) VALUES (?)")) {
            s.setString(1, body);
            s.executeUpdate();
        }
    }

    public long countNotes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM note")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
