package fr.carnet.store;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * New record ids: UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random
 * bits. Still a random UUID to every reader (SYNC.md), made offline where the record is created;
 * because ids made one after the other sort one after the other, the indexes keyed by record id
 * (on this laptop and on the server) take new records at their end instead of on a random page
 * each, which is most of what a push of thousands of new records writes.
 */
public final class RecordIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecordIds() {}

    public static String newId() {
        return newUuid(System.currentTimeMillis()).toString();
    }

    static UUID newUuid(long millis) {
        byte[] r = new byte[10];
        RANDOM.nextBytes(r);
        long hi = (millis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | ((r[0] & 0x0FL) << 8) | (r[1] & 0xFFL);
        long lo = 0x8000_0000_0000_0000L | ((r[2] & 0x3FL) << 56);
        for (int i = 3; i < 10; i++) lo |= (r[i] & 0xFFL) << (8 * (9 - i));
        return new UUID(hi, lo);
    }
}
