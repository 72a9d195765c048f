package fr.carnet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.carnet.store.StoreException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Crash reports stay free of personal data: classes and frames, no message from outside Carnet. */
class CrashReportTest {
    @Test
    void detailsDropTheMessagesOfExceptionsFromOutsideCarnet() {
        Exception e = new IllegalStateException("Hélène Lefèvre, 12 rue des Tilleuls",
                new SQLException("UNIQUE constraint failed: person.nir = 2850459000123"));
        String details = CrashReport.details("JavaFX Application Thread", e);
        assertThat(details).contains("java.lang.IllegalStateException", "Caused by: java.sql.SQLException", "\tat ",
                "Thread: JavaFX Application Thread", getClass().getName());
        assertThat(details).doesNotContain("Hélène", "Tilleuls", "2850459000123", "constraint");
    }

    @Test
    void carnetsOwnExceptionsKeepTheirBundleMessage() {
        String details = CrashReport.details("t", new StoreException("store.error.wrongPassphrase"));
        assertThat(details).contains("fr.carnet.store.StoreException: ");
    }
}
