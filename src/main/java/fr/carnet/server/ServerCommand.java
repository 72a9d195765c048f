package fr.carnet.server;

import fr.carnet.cli.Args;
import fr.carnet.cli.Subcommand;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code carnet server [--demo] [--hsts] [--port P] [--db URL] [--host H] [--data DIR]}: runs the sync
 * server until the process is stopped. The database defaults to the SQLite file
 * {@code carnet-server.db}; {@code --db jdbc:postgresql://…} serves PostgreSQL with the same code.
 * {@code --demo} loads the sample data and the demo accounts (password {@code demo}), which are
 * refused otherwise. {@code --hsts}: behind a TLS proxy, send Strict-Transport-Security. Prints the port it took (port 0 picks a free one).
 */
public final class ServerCommand implements Subcommand {
    @Override
    public String name() {
        return "server";
    }

    @Override
    public String usage() {
        return "server [--demo] [--hsts] [--port P] [--db jdbc:sqlite:FILE|jdbc:postgresql://…] [--host 127.0.0.1] [--data sample-data]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = Args.parse(args, Set.of("--demo", "--hsts"), Set.of("--port", "--db", "--host", "--data"));
        int port;
        try {
            port = Integer.parseInt(a.get("--port").orElse("8080"));
        } catch (NumberFormatException e) {
            throw new Args.UsageException("--port needs a number");
        }
        if (port < 0 || port > 65535) throw new Args.UsageException("--port must be 0..65535");
        boolean demo = a.flag("--demo");
        // The demo reloads the sample data at every start: it gets a fresh file that is not kept.
        Path demoFile = null;
        if (demo && a.get("--db").isEmpty()) {
            demoFile = java.nio.file.Files.createTempFile("carnet-demo-server", ".db");
            java.nio.file.Files.delete(demoFile);
            demoFile.toFile().deleteOnExit();
        }
        String url = a.get("--db").orElse(ServerDb.sqliteUrl(demoFile != null ? demoFile : Path.of("carnet-server.db")));
        ServerConfig config = ServerConfig.defaults().withHsts(a.flag("--hsts"));
        ServerDb db = new ServerDb(url);
        SyncApi api = new SyncApi(db, config);
        if (demo) {
            Path data = Path.of(a.get("--data").orElse(System.getProperty("carnet.sampleData", "sample-data")));
            DemoData.load(api, data);
        } else {
            refuseDemoPasswords(api);
        }
        SyncServer server = new SyncServer(api, config);
        int taken = server.start(a.get("--host").orElse("127.0.0.1"), port);
        out.println("carnet server listening on port " + taken);
        out.flush();
        new CountDownLatch(1).await();
        return 0;
    }

    /** Outside --demo, the demo accounts cannot log in with the demo password. */
    static void refuseDemoPasswords(SyncApi api) {
        api.db().tx(ctx -> {
            for (var r : ctx.fetch("SELECT id, pw_salt, pw_hash, pw_iterations FROM srv_worker WHERE pw_hash IS NOT NULL")) {
                Integer it = r.get("pw_iterations", Integer.class);
                if (Passwords.verify("demo".toCharArray(), r.get("pw_salt", String.class), r.get("pw_hash", String.class), it == null ? 0 : it))
                    ctx.execute("UPDATE srv_worker SET pw_hash = NULL, pw_salt = NULL WHERE id = ?", r.get("id", String.class));
            }
            return null;
        });
    }
}
