package fr.carnet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.store.Store;
import fr.carnet.store.generated.Tables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CarnetCliIT {
    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        out.reset();
        err.reset();
        return new CarnetCli().run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void generatesThenImportsIntoANewEncryptedStore() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("generate", "--persons", "120", "--seed", "9", "--out", data.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("120 persons");
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "phrase de passe du test\n");
        Path store = dir.resolve("carnet.db");
        assertThat(run("import", "--store", store.toString(), "--passphrase-file", pass.toString(), "--create", data.toString()))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("120 personnes");
        try (Store s = Store.open(store, "phrase de passe du test".toCharArray())) {
            int n = s.read(ctx -> ctx.fetchCount(Tables.PERSON));
            assertThat(n).isEqualTo(120);
        }
    }

    @Test
    void aBadImportPrintsEveryProblemAndExitsNonZero() throws Exception {
        Path data = dir.resolve("data");
        run("generate", "--persons", "20", "--seed", "1", "--out", data.toString());
        Files.writeString(data.resolve("aid.jsonl"), "{\"id\":\"x\",\"fields\":{}}\n", java.nio.file.StandardOpenOption.APPEND);
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "phrase de passe du test");
        int code = run("import", "--store", dir.resolve("c.db").toString(), "--passphrase-file", pass.toString(), "--create", data.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("aid.jsonl:").contains("id").contains("Rien n’a été importé");
    }

    @Test
    void wrongPassphraseAndUsageMistakesAreClear() throws Exception {
        Path data = dir.resolve("data");
        run("generate", "--persons", "5", "--out", data.toString());
        Path pass = dir.resolve("pass.txt");
        Files.writeString(pass, "phrase de passe du test");
        Path store = dir.resolve("c.db");
        run("import", "--store", store.toString(), "--passphrase-file", pass.toString(), "--create", data.toString());
        Files.writeString(pass, "une autre phrase de passe");
        assertThat(run("import", "--store", store.toString(), "--passphrase-file", pass.toString(), data.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Phrase de passe incorrecte");
        assertThat(run("generate", "--persons", "many", "--out", "x")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
    }
}
