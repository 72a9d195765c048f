package fr.carnet.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jooq.DSLContext;

/**
 * The server's hot statements (a record by id, a record's save, a mutation's row) as plain JDBC
 * prepared once per connection and reused: jOOQ's plain-SQL path parses the SQL, prepares it
 * and reads the result's metadata on every call, which was most of a push's cost. Runs in the
 * caller's transaction; a connection serves one transaction at a time, so its statements do too.
 */
final class Sql {
    private static final Map<Connection, Map<String, PreparedStatement>> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private Sql() {}

    interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static PreparedStatement prepared(DSLContext ctx, String sql) throws SQLException {
        Connection c = ctx.configuration().connectionProvider().acquire();
        Map<String, PreparedStatement> m = CACHE.computeIfAbsent(c, k -> new HashMap<>());
        PreparedStatement ps = m.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = c.prepareStatement(sql);
            m.put(sql, ps);
        }
        return ps;
    }

    private static PreparedStatement bound(DSLContext ctx, String sql, Object... binds) throws SQLException {
        PreparedStatement ps = prepared(ctx, sql);
        for (int i = 0; i < binds.length; i++) ps.setObject(i + 1, binds[i]);
        return ps;
    }

    static int update(DSLContext ctx, String sql, Object... binds) {
        try {
            return bound(ctx, sql, binds).executeUpdate();
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("statement failed", e);
        }
    }

    /** Runs one statement for each row of binds, sent together (one round trip on PostgreSQL). */
    static void batch(DSLContext ctx, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) return;
        try {
            PreparedStatement ps = prepared(ctx, sql);
            for (Object[] binds : rows) {
                for (int i = 0; i < binds.length; i++) ps.setObject(i + 1, binds[i]);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("batch failed", e);
        }
    }

    /** Runs a query and hands its result set to {@code rows}. */
    static <T> T query(DSLContext ctx, String sql, Rows<T> rows, Object... binds) {
        try (ResultSet rs = bound(ctx, sql, binds).executeQuery()) {
            return rows.read(rs);
        } catch (SQLException e) {
            throw new org.jooq.exception.DataAccessException("query failed", e);
        }
    }

    static boolean exists(DSLContext ctx, String sql, Object... binds) {
        return query(ctx, sql, ResultSet::next, binds);
    }

    /** Forgets a connection's statements (when it is closed). */
    static void forget(Connection c) {
        Map<String, PreparedStatement> m = CACHE.remove(c);
        if (m == null) return;
        for (PreparedStatement ps : m.values()) {
            try {
                ps.close();
            } catch (SQLException e) {
                // closing anyway
            }
        }
    }
}
