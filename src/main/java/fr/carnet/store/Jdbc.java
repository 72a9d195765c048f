package fr.carnet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jooq.DSLContext;

/**
 * Queries in plain JDBC on the transaction's connection, for the paths that run on every sync (an
 * idle sync is a handful of single-value checks; a pulled page a few set queries with hundreds of
 * binds): no query to render, no result to materialise.
 */
public final class Jdbc {
    private Jdbc() {}

    /** The first column of the first row as text (null: no row or a null value). */
    public static String string(DSLContext ctx, String sql, Object... binds) {
        return ctx.connectionResult(c -> {
            try (PreparedStatement ps = prepare(c, sql, binds); ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        });
    }

    /** The first column of the first row as a number (0: no row or a null value). */
    public static long number(DSLContext ctx, String sql, Object... binds) {
        return ctx.connectionResult(c -> {
            try (PreparedStatement ps = prepare(c, sql, binds); ResultSet r = ps.executeQuery()) {
                return r.next() ? r.getLong(1) : 0L;
            }
        });
    }

    /** Whether the query returns a row. */
    public static boolean exists(DSLContext ctx, String sql, Object... binds) {
        return ctx.connectionResult(c -> {
            try (PreparedStatement ps = prepare(c, sql, binds); ResultSet r = ps.executeQuery()) {
                return r.next();
            }
        });
    }

    /** One row of {@link #forEach}. */
    public interface Row {
        void accept(ResultSet r) throws java.sql.SQLException;
    }

    /** Every row of the query, in order (the set queries of a pulled page or a push's answers). */
    public static void forEach(DSLContext ctx, String sql, Object[] binds, Row row) {
        ctx.connection(c -> {
            try (PreparedStatement ps = prepare(c, sql, binds); ResultSet r = ps.executeQuery()) {
                while (r.next()) row.accept(r);
            }
        });
    }

    private static PreparedStatement prepare(java.sql.Connection c, String sql, Object[] binds) throws java.sql.SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < binds.length; i++) ps.setObject(i + 1, binds[i]);
        return ps;
    }
}
