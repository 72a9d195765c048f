package fr.carnet.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The newest migration this build knows. Opening a store already at this version skips Flyway,
 * which keeps unlocking fast; a test checks this constant against the migration scripts.
 */
public final class SchemaVersion {
    /** Bump with every new db/migration script. */
    public static final int LATEST = 6;

    private SchemaVersion() {}

    static boolean isCurrent(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(
                    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='flyway_schema_history'")) {
                if (!rs.next() || rs.getInt(1) == 0) return false;
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history WHERE success = 1")) {
                return rs.next() && rs.getInt(1) == LATEST;
            }
        }
    }
}
