package fr.carnet.ui.aid;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.domain.Enums.AidDecision;
import fr.carnet.domain.Enums.Role;
import fr.carnet.domain.RecordType;
import fr.carnet.store.RecordRepository;
import fr.carnet.store.StoredRecord;
import fr.carnet.ui.DeskFixture;
import fr.carnet.ui.common.Formats;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AidViewModelTest {
    @TempDir Path dir;
    DeskFixture fx;
    String hh;

    @BeforeEach
    void fill() {
        fx = new DeskFixture(dir, Role.CESF);
        hh = fx.household("Famille Lefèvre", "Lille");
    }

    @AfterEach
    void close() {
        fx.close();
        Formats.setCurrent(new Formats(Formats.Region.FR));
    }

    @Test
    void recordsAnAmountTypedAsPeopleWriteItAndItsDecision() {
        AidViewModel vm = new AidViewModel(fx.ctx, hh);
        vm.kindProperty().set("Aide à l’énergie");
        vm.amountProperty().set("1 234,50 €");
        AtomicReference<String> id = new AtomicReference<>();
        vm.save(id::set);
        StoredRecord a = fx.store.read(c -> RecordRepository.find(c, RecordType.AID, id.get())).orElseThrow();
        assertThat(a.get("amountCents").asLong()).isEqualTo(123_450);
        assertThat(a.text("decision")).isEqualTo("PENDING");
        assertThat(a.text("requestedOn")).isEqualTo("2026-11-26");
        vm.decide(id.get(), AidDecision.GRANTED, () -> { });
        a = fx.store.read(c -> RecordRepository.find(c, RecordType.AID, id.get())).orElseThrow();
        assertThat(a.text("decision")).isEqualTo("GRANTED");
        assertThat(a.text("decidedOn")).isEqualTo("2026-11-26");
    }

    @Test
    void aPartlyReadableAmountIsRefused() {
        AidViewModel vm = new AidViewModel(fx.ctx, hh);
        vm.amountProperty().set("150 euros");
        vm.save(x -> { throw new AssertionError(); });
        assertThat(vm.errors().byField().get("amountCents")).contains("123\u202F,45".replace("\u202F,", ","));
    }

    @Test
    void swissAmountsTakeADecimalPoint() {
        Formats.setCurrent(new Formats(Formats.Region.CH));
        AidViewModel vm = new AidViewModel(fx.ctx, hh);
        vm.amountProperty().set("80.50");
        vm.requestedOnProperty().set("26.11.26");
        AtomicReference<String> id = new AtomicReference<>();
        vm.save(id::set);
        StoredRecord a = fx.store.read(c -> RecordRepository.find(c, RecordType.AID, id.get())).orElseThrow();
        assertThat(a.get("amountCents").asLong()).isEqualTo(8_050);
    }
}
