package fr.carnet.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityPoliciesTest {
    @TempDir Path dir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "court|passphrase.tooShort",
            "as.martin du nord|passphrase.login",
            "AS.Martin-2026!|passphrase.login",
            "motdepasse|passphrase.common",
            "aaaaaaaaaaaa|passphrase.repetitive",
            "le chat dort sur la table|"})
    void passphrasesAreJudgedByThePolicy(String candidate, String expected) {
        var v = PassphrasePolicy.check(candidate.toCharArray(), "as.martin", "Claire Martin");
        if (expected == null) assertThat(v).isEmpty();
        else assertThat(v).extracting(x -> x.code()).contains(expected);
        v.forEach(x -> assertThat(x.message()).doesNotStartWith("!"));
    }

    @Test
    void failedUnlocksBringGrowingDelaysAndASuccessClearsThem() {
        Instant[] now = {Instant.parse("2026-11-26T10:00:00Z")};
        Clock clock = new Clock() {
            public ZoneOffset getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return now[0]; }
        };
        UnlockThrottle t = new UnlockThrottle(dir.resolve("c.db"), clock);
        for (int i = 0; i < UnlockThrottle.FREE_ATTEMPTS; i++) {
            assertThat(t.waitBeforeNextAttempt()).isZero();
            t.recordFailure();
        }
        assertThat(t.waitBeforeNextAttempt()).isEqualTo(Duration.ofSeconds(30));
        now[0] = now[0].plusSeconds(31);
        assertThat(t.waitBeforeNextAttempt()).isZero();
        t.recordFailure();
        assertThat(t.waitBeforeNextAttempt()).isEqualTo(Duration.ofSeconds(60));
        assertThat(new UnlockThrottle(dir.resolve("c.db"), clock).failures()).isEqualTo(4);
        for (int i = 0; i < 20; i++) t.recordFailure();
        assertThat(t.waitBeforeNextAttempt()).isEqualTo(Duration.ofMinutes(15));
        t.recordSuccess();
        assertThat(t.waitBeforeNextAttempt()).isZero();
        assertThat(t.failures()).isZero();
    }

    @Test
    void offlineGraceClosesFilesAfterTheSetNumberOfDays() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
        Optional<Instant> recent = Optional.of(Instant.parse("2026-11-10T10:00:00Z"));
        Optional<Instant> old = Optional.of(Instant.parse("2026-10-01T10:00:00Z"));
        assertThat(OfflineGrace.allowsOpening(recent, 30, clock)).isTrue();
        assertThat(OfflineGrace.daysLeft(recent, 30, clock)).isEqualTo(14);
        assertThat(OfflineGrace.allowsOpening(old, 30, clock)).isFalse();
        assertThat(OfflineGrace.daysLeft(old, 30, clock)).isZero();
        assertThat(OfflineGrace.allowsOpening(Optional.empty(), 30, clock)).isTrue();
    }
}
