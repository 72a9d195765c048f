package fr.carnet.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoreWarmupTest {
    @Test
    void theFirstQueriesRunForRealOnAThrowAwayDatabase() {
        // every step (SQLite's library, the tables made from the generated schema, the owner's
        // identity, the audit insert, a plain-SQL list, Jackson) must succeed, or the warm-up is useless
        assertThat(StoreWarmup.run()).isTrue();
        assertThat(StoreWarmup.run()).as("runs again: nothing is left behind").isTrue();
    }
}
