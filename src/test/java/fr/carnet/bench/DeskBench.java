package fr.carnet.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.Enums.SyncState;
import fr.carnet.domain.RecordType;
import fr.carnet.store.DeskIdentity;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.Store;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.app.MainView;
import fr.carnet.ui.app.Settings;
import fr.carnet.ui.app.Theme;
import fr.carnet.ui.caseload.CaseloadViewModel;
import fr.carnet.ui.common.DeskContext;
import fr.carnet.ui.common.Tasks;
import fr.carnet.util.Json;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The desk's benchmark, printed as a Markdown table:
 * cold start (from JVM start, in a fresh JVM, Headless) to a usable caseload over 10k households,
 * and keystroke-to-results of the caseload search at 100k persons, with the resident memory.
 * Run: ./mvnw -q test-compile exec:exec@bench -Dbench.args=desk  (or java -cp … fr.carnet.bench.DeskBench)
 */
public final class DeskBench {
    static final char[] PASS = "benchmark passphrase".toCharArray();
    static final String[] LAST = {"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau",
            "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel", "Girard",
            "André", "Lefebvre", "Mercier", "Dupont", "Lambert", "Bonnet", "François", "Martinez", "Nœl", "Benali", "Nguyen", "Traoré",
            "Haddad", "Kaya", "Pereira", "Da Silva", "Boyer", "Chevalier", "Gauthier", "Perrin", "Masson", "Müller", "Brunet", "Blanc"};
    static final String[] FIRST = {"Hélène", "Héloïse", "Jérôme", "Amélie", "Noé", "Zoé", "Léa", "Chloé", "Inès", "Maël", "Loïc",
            "Paul", "Louise", "Emma", "Jade", "Lucas", "Hugo", "Gabriel", "Sarah", "Mamadou", "Fatou", "Yasmine", "Mehdi", "Océane",
            "Nadège", "Élodie", "François", "Benoît", "Gisèle", "Frédéric", "Noémie", "Sofia", "Adam", "Ines", "Rose", "Arthur"};
    static final String[] CITY = {"Lille", "Roubaix", "Tourcoing", "Villeneuve-d’Ascq", "Seclin", "Wattignies", "Lesquin", "Faches-Thumesnil"};

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(Path.of(args[1]), args[2]);
            return;
        }
        if (args.length > 1 && args[0].equals("fill")) {
            // a 10k-household store to profile cold starts on: DeskBench fill FILE (passphrase: see PASS)
            fill(Path.of(args[1]), 10_000, 27_500);
            return;
        }
        // args: [anchors dir] [coldstart|search] (default both)
        String only = args.length > 1 ? args[1] : "all";
        int runs = Integer.getInteger("desk.runs", 3);
        Path dir = Files.createTempDirectory("desk-bench");
        Path small = dir.resolve("10k.db");
        Path big = dir.resolve("100k.db");
        List<String> rows = new ArrayList<>();
        if (!only.equals("search")) {
            long t0 = System.nanoTime();
            fill(small, 10_000, 27_500);
            System.err.printf("filled: 10k households in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            rows.addAll(coldStarts(dir, small, runs));
        }
        if (!only.equals("coldstart")) {
            long t1 = System.nanoTime();
            fill(big, 36_000, 100_000);
            System.err.printf("filled: 100k persons in %.1f s%n", (System.nanoTime() - t1) / 1e9);
            rows.addAll(runChild(big, "search"));
        }
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        for (String r : rows) System.out.println(r);
    }

    /**
     * Cold starts of the desk as the worker gets it: {@link fr.carnet.ui.app.StartupProbe} launches the
     * real app (CarnetLauncher → CarnetApp), types the passphrase on the unlock screen as soon as it is
     * up, and waits for the first pulse with caseload rows. Each layout: one discarded warm-up start,
     * then {@code runs} starts, each a new JVM (as the anchor fx-coldstart does); median (min–max).
     * Layouts: the build's class path (directories); the installer's app-image (jlink'd runtime, jars)
     * with and without its AOT cache, when target/dist/Carnet exists. The old measure (Store.open and
     * MainView called directly, no unlock screen, no CarnetApp) is kept for comparison.
     */
    static List<String> coldStarts(Path dir, Path store, int runs) throws IOException, InterruptedException {
        List<String> rows = new ArrayList<>();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> fx = List.of("-Dglass.platform=Headless", "-Dprism.order=sw", "-Djava.awt.headless=true");
        List<String> plain = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED"));
        plain.addAll(fx);
        plain.addAll(List.of("-cp", System.getProperty("java.class.path")));
        rows.addAll(series("build class path (directories), system JDK", plain, dir, store, runs));
        Path image = Path.of(System.getProperty("desk.image", "target/dist/Carnet"));
        Path cfg = image.resolve("lib/app/Carnet.cfg");
        if (Files.isRegularFile(cfg)) {
            Path app = image.resolve("lib/app").toAbsolutePath();
            List<String> cp = new ArrayList<>();
            List<String> opts = new ArrayList<>();
            for (String l : Files.readAllLines(cfg)) {
                String v = l.substring(l.indexOf('=') + 1).replace("$APPDIR", app.toString());
                if (l.startsWith("app.classpath=")) cp.add(v);
                else if (l.startsWith("java-options=")) opts.add(v);
            }
            List<String> packaged = new ArrayList<>(List.of(image.resolve("lib/runtime/bin/java").toAbsolutePath().toString()));
            packaged.addAll(opts.stream().filter(o -> !o.startsWith("-XX:AOTCache")).toList());
            packaged.addAll(fx);
            List<String> noAot = new ArrayList<>(packaged);
            noAot.addAll(List.of("-cp", String.join(File.pathSeparator, cp)));
            rows.addAll(series("installer app-image (jlink'd runtime, jars), no AOT cache", noAot, dir, store, runs));
            Path aot = app.resolve("carnet.aot");
            if (Files.isRegularFile(aot)) {
                List<String> withAot = new ArrayList<>(packaged);
                // AOTMode=on: fail rather than silently measure a start without the cache
                withAot.addAll(List.of("-XX:AOTCache=" + aot, "-XX:AOTMode=on", "-cp", String.join(File.pathSeparator, cp)));
                rows.addAll(series("installer app-image with the AOT cache it ships", withAot, dir, store, runs));
            } else {
                System.err.println("no " + aot + ": the AOT row is skipped (build it with packaging/jpackage.sh)");
            }
        } else {
            System.err.println("no " + cfg + ": the installer rows are skipped (build it with packaging/jpackage.sh --image)");
        }
        List<List<String>> old = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            List<String> r = runChild(store, "coldstart");
            if (i > 0) old.add(r);
        }
        for (String r : medians(old)) rows.add(r.replaceFirst("^\\| ", "| old measure (Store.open + MainView called directly, no unlock screen, no CarnetApp): "));
        return rows;
    }

    /** One layout: a warm-up start, then {@code runs} measured ones, each on its own copy of the store and its own settings folder. */
    static List<String> series(String label, List<String> javaCmd, Path dir, Path store, int runs) throws IOException, InterruptedException {
        List<List<String>> measured = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            Path home = Files.createTempDirectory(dir, "home");
            Path copy = home.resolve("carnet.db");
            Files.copy(store, copy);
            Files.copy(fr.carnet.store.KeyParams.fileFor(store), fr.carnet.store.KeyParams.fileFor(copy));
            // an everyday start: the tour was seen at the first one
            Files.createDirectories(home.resolve("config"));
            Files.writeString(home.resolve("config/desk-settings.json"), "{\"theme\":\"LIGHT\",\"tourSeen\":true}");
            List<String> cmd = new ArrayList<>(javaCmd);
            Path report = home.resolve("probe.md");
            cmd.addAll(List.of("-Xmx1g", "-Dcarnet.home=" + home, "-Dcarnet.probe.report=" + report, "fr.carnet.ui.app.StartupProbe", "--store=" + copy));
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().write((new String(PASS) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            p.getOutputStream().close();
            boolean ended = p.waitFor(5, TimeUnit.MINUTES);
            List<String> out = Files.exists(report) ? Files.readAllLines(report).stream().filter(l -> l.startsWith("|")).toList() : List.of();
            if (!ended || p.exitValue() != 0 || out.isEmpty())
                throw new IllegalStateException("cold start failed (" + label + "): " + String.join(" ", cmd));
            System.err.println("  " + label + (i == 0 ? " warm-up: " : " #" + i + ": ")
                    + out.stream().filter(l -> l.contains("caseload usable")).findFirst().orElse(""));
            if (i > 0) measured.add(out);
        }
        return medians(measured).stream().map(r -> r.replaceFirst("^\\| ", "| " + label + ": ")).toList();
    }

    /** Row by row: the median value over runs, with (min–max), for rows of the form "| text | N unit |". */
    static List<String> medians(List<List<String>> runs) {
        List<String> out = new ArrayList<>();
        for (int row = 0; row < runs.get(0).size(); row++) {
            String first = runs.get(0).get(row);
            String head = first.substring(0, first.lastIndexOf('|', first.length() - 2));
            String unit = first.replaceAll(".*\\d+\\s*(\\S+)\\s*\\|$", "$1");
            List<Long> v = new ArrayList<>();
            for (List<String> r : runs) v.add(Long.parseLong(r.get(row).replaceAll(".*\\|\\s*(\\d+)\\s*\\S+\\s*\\|$", "$1")));
            v.sort(null);
            out.add(String.format("%s| %d %s (%d–%d, %d runs) |", head, v.get(v.size() / 2), unit, v.get(0), v.get(v.size() - 1), v.size()));
        }
        return out;
    }

    /** Households with persons (and a contact each), written as synced records in one transaction. */
    static void fill(Path file, int households, int persons) {
        try (Store s = Store.create(file, PASS)) {
            DeskIdentity id = new DeskIdentity(UUID.randomUUID().toString(), "Bench", Role.AS, UUID.randomUUID().toString());
            id.save(s);
            Random rnd = new Random(42);
            String now = "2026-11-26T10:00:00+01:00";
            s.write(ctx -> {
                List<String> hids = new ArrayList<>();
                for (int i = 0; i < households; i++) {
                    String hid = UUID.randomUUID().toString();
                    hids.add(hid);
                    ObjectNode h = Json.object();
                    h.put("sectorId", id.sectorId());
                    h.putArray("referentIds").add(i % 5 == 0 ? id.workerId() : UUID.randomUUID().toString());
                    h.put("label", "Famille " + LAST[rnd.nextInt(LAST.length)]);
                    h.putObject("address").put("line1", (1 + rnd.nextInt(200)) + " rue de la Gare").put("postcode", "59" + (100 + rnd.nextInt(800)))
                            .put("city", CITY[rnd.nextInt(CITY.length)]);
                    RecordRepository.insert(ctx, new StoredRecord(RecordType.HOUSEHOLD, hid, Json.object(), false, null, List.of(), SyncState.SYNCED, h, null, null, now));
                    ObjectNode c = Json.object();
                    c.put("householdId", hid);
                    c.put("date", LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(330)) + "T10:00:00+01:00");
                    c.put("mode", "PHONE");
                    RecordRepository.insert(ctx, new StoredRecord(RecordType.CONTACT, UUID.randomUUID().toString(), Json.object(), false, null, List.of(), SyncState.SYNCED, c, null, null, now));
                }
                for (int i = 0; i < persons; i++) {
                    ObjectNode p = Json.object();
                    p.put("householdId", hids.get(i < households ? i : rnd.nextInt(households)));
                    p.put("lastName", LAST[rnd.nextInt(LAST.length)]);
                    p.put("firstName", FIRST[rnd.nextInt(FIRST.length)]);
                    p.put("birthDate", LocalDate.of(1940, 1, 1).plusDays(rnd.nextInt(31_000)).toString());
                    p.put("relationship", i < households ? "APPLICANT" : "OTHER");
                    RecordRepository.insert(ctx, new StoredRecord(RecordType.PERSON, UUID.randomUUID().toString(), Json.object(), false, null, List.of(), SyncState.SYNCED, p, null, null, now));
                }
                return null;
            });
        }
    }

    static List<String> runChild(Path store, String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(Arrays.asList(java, "--enable-native-access=ALL-UNNAMED", "-Xmx1g", "-Dglass.platform=Headless",
                "-Dprism.order=sw", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), DeskBench.class.getName(),
                "child", store.toString(), mode));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> out = new String(p.getInputStream().readAllBytes()).lines().filter(l -> l.startsWith("|")).toList();
        p.waitFor(5, TimeUnit.MINUTES);
        return out;
    }

    /** In a fresh JVM: unlock, build the main window, wait for the caseload; or time searches. */
    static void child(Path file, String mode) throws Exception {
        long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        long fxUp = System.currentTimeMillis();
        Store store = Store.open(file, PASS);
        long unlocked = System.currentTimeMillis();
        DeskContext ctx = DeskContext.of(store, DeskIdentity.load(store).orElseThrow(), Tasks.INSTANCE);
        if (mode.equals("coldstart")) {
            CountDownLatch shown = new CountDownLatch(1);
            Platform.runLater(() -> {
                Theme.apply(false);
                MainView main = new MainView(ctx, new Settings(), s -> { });
                Stage stage = new Stage();
                stage.setScene(new Scene(main.root(), 1280, 800));
                stage.show();
                javafx.scene.control.TableView<?> t = (javafx.scene.control.TableView<?>) stage.getScene().lookup("#caseload-table");
                t.getItems().addListener((ListChangeListener<Object>) c -> {
                    if (!t.getItems().isEmpty()) Platform.runLater(shown::countDown);
                });
            });
            shown.await(2, TimeUnit.MINUTES);
            long usable = System.currentTimeMillis();
            System.out.printf("| JVM start → JavaFX toolkit up (Headless) | %d ms |%n", fxUp - jvmStart);
            System.out.printf("| JVM start → store unlocked (key derivation + open) | %d ms |%n", unlocked - jvmStart);
            System.out.printf("| JVM start → caseload usable, 10k households (first 200 rows shown) | %d ms |%n", usable - jvmStart);
            System.out.printf("| RSS after cold start, 10k households | %s |%n", rss());
        } else {
            String[] typed = {"m", "ma", "mar", "mart", "helene", "hel", "dup", "lefe", "noe", "tra", "jer", "rou", "lill", "59200", "benali fatou"};
            List<Long> times = new ArrayList<>();
            CaseloadViewModel[] vm = new CaseloadViewModel[1];
            // Debounce is the view's job (250 ms after the last key); here the query itself is timed.
            Platform.runLater(() -> vm[0] = new CaseloadViewModel(ctx, Runnable::run));
            Thread.sleep(200);
            for (int round = 0; round < 3; round++) {
                for (String q : typed) {
                    // Alternate a trailing space so that every query differs from the previous one.
                    String text = q + (round % 2 == 1 ? " " : "");
                    CountDownLatch done = new CountDownLatch(1);
                    long[] t = new long[1];
                    Platform.runLater(() -> {
                        vm[0].loadingProperty().addListener(new javafx.beans.value.ChangeListener<Boolean>() {
                            @Override
                            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                                if (now) return;
                                vm[0].loadingProperty().removeListener(this);
                                t[0] = System.nanoTime() - t[0];
                                done.countDown();
                            }
                        });
                        t[0] = System.nanoTime();
                        vm[0].queryProperty().set(text);
                    });
                    done.await(30, TimeUnit.SECONDS);
                    if (round > 0) times.add(t[0]);
                }
            }
            times.sort(null);
            long persons = store.read(c -> (long) c.fetchCount(RecordRepository.table(RecordType.PERSON)));
            System.out.printf("| keystroke → results, %,d persons, median of %d queries (query only; the view adds a 250 ms debounce) | %.1f ms |%n",
                    persons, times.size(), times.get(times.size() / 2) / 1e6);
            System.out.printf("| same, 90th percentile | %.1f ms |%n", times.get((int) (times.size() * 0.9)) / 1e6);
            System.out.printf("| same, worst | %.1f ms |%n", times.get(times.size() - 1) / 1e6);
            System.out.printf("| RSS after the searches, 100k persons | %s |%n", rss());
        }
        store.close();
        Platform.exit();
        System.exit(0);
    }

    static String rss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status")))
                if (l.startsWith("VmRSS:")) return String.format("%d MB", Long.parseLong(l.replaceAll("\\D", "")) / 1024);
        } catch (IOException e) {
            // not Linux
        }
        return "n/a";
    }
}
