package dev.retort.core.application.service;

import dev.retort.core.application.port.out.DatabaseConnector;
import dev.retort.core.application.port.out.Dialect;
import dev.retort.core.domain.schema.Schema;
import java.util.Locale;

/** The live schema without Retort's own tables: the version and history tables are never diffed. */
final class Inspections {
    private Inspections() {
    }

    static Schema userSchema(Dialect dialect, DatabaseConnector connector) {
        Schema s = dialect.inspector().inspect();
        for (String own : new String[] {connector.versionTable(), connector.historyTable()}) {
            for (String t : s.tableNames()) {
                if (t.toLowerCase(Locale.ROOT).equals(own.toLowerCase(Locale.ROOT))) {
                    s = s.withoutTable(t);
                }
            }
        }
        return s;
    }
}
