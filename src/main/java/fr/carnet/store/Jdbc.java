package fr.carnet.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.jooq.DSLContext;

/**
 * Single-value queries in plain JDBC on the transaction's connection, for the paths that run on
 * every sync (an idle sync is a handful of them): no query to render, no result to materialise.
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

    private static PreparedStatement prepare(java.sql.Connection c, String sql, Object[] binds) throws java.sql.SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < binds.length; i++) ps.setObject(i + 1, binds[i]);
        return ps;
    }
}
