package fr.carnet.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * PBKDF2-HMAC-SHA512 (RFC 8018), byte for byte what the JDK's {@code PBKDF2WithHmacSHA512} gives
 * (KeyParamsTest), written for a cold JVM: the HMAC's two pad blocks are hashed once, then each
 * iteration is two SHA-512 compressions on {@code long} words held in a few arrays made once: no
 * digest object cloned, nothing allocated, no bytes converted, per iteration. With the JDK's
 * MessageDigest (clones of its state for every iteration) the 210,000 iterations of a cold start
 * waited ~0.9 s for the optimising compiler and spent meanwhile most of their time outside SHA-512;
 * this loop's one small hot method is compiled at once. The iteration count, and so the cost to an
 * attacker, is unchanged.
 */
final class Pbkdf2Sha512 {
    private static final long[] K = {
        0x428a2f98d728ae22L, 0x7137449123ef65cdL, 0xb5c0fbcfec4d3b2fL, 0xe9b5dba58189dbbcL, 0x3956c25bf348b538L,
        0x59f111f1b605d019L, 0x923f82a4af194f9bL, 0xab1c5ed5da6d8118L, 0xd807aa98a3030242L, 0x12835b0145706fbeL,
        0x243185be4ee4b28cL, 0x550c7dc3d5ffb4e2L, 0x72be5d74f27b896fL, 0x80deb1fe3b1696b1L, 0x9bdc06a725c71235L,
        0xc19bf174cf692694L, 0xe49b69c19ef14ad2L, 0xefbe4786384f25e3L, 0x0fc19dc68b8cd5b5L, 0x240ca1cc77ac9c65L,
        0x2de92c6f592b0275L, 0x4a7484aa6ea6e483L, 0x5cb0a9dcbd41fbd4L, 0x76f988da831153b5L, 0x983e5152ee66dfabL,
        0xa831c66d2db43210L, 0xb00327c898fb213fL, 0xbf597fc7beef0ee4L, 0xc6e00bf33da88fc2L, 0xd5a79147930aa725L,
        0x06ca6351e003826fL, 0x142929670a0e6e70L, 0x27b70a8546d22ffcL, 0x2e1b21385c26c926L, 0x4d2c6dfc5ac42aedL,
        0x53380d139d95b3dfL, 0x650a73548baf63deL, 0x766a0abb3c77b2a8L, 0x81c2c92e47edaee6L, 0x92722c851482353bL,
        0xa2bfe8a14cf10364L, 0xa81a664bbc423001L, 0xc24b8b70d0f89791L, 0xc76c51a30654be30L, 0xd192e819d6ef5218L,
        0xd69906245565a910L, 0xf40e35855771202aL, 0x106aa07032bbd1b8L, 0x19a4c116b8d2d0c8L, 0x1e376c085141ab53L,
        0x2748774cdf8eeb99L, 0x34b0bcb5e19b48a8L, 0x391c0cb3c5c95a63L, 0x4ed8aa4ae3418acbL, 0x5b9cca4f7763e373L,
        0x682e6ff3d6b2b8a3L, 0x748f82ee5defb2fcL, 0x78a5636f43172f60L, 0x84c87814a1f0ab72L, 0x8cc702081a6439ecL,
        0x90befffa23631e28L, 0xa4506cebde82bde9L, 0xbef9a3f7b2c67915L, 0xc67178f2e372532bL, 0xca273eceea26619cL,
        0xd186b8c721c0c207L, 0xeada7dd6cde0eb1eL, 0xf57d4f7fee6ed178L, 0x06f067aa72176fbaL, 0x0a637dc5a2c898a6L,
        0x113f9804bef90daeL, 0x1b710b35131c471bL, 0x28db77f523047d84L, 0x32caab7b40c72493L, 0x3c9ebe0a15c9bebcL,
        0x431d67c49c100d4cL, 0x4cc5d4becb3e42b6L, 0x597f299cfc657e2aL, 0x5fcb6fab3ad6faecL, 0x6c44198c4a475817L};
    private static final long[] IV = {0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
        0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L};

    private Pbkdf2Sha512() {}

    /** One SHA-512 compression of the 16 words at w[0..15] into h (w[16..79] are overwritten). */
    static void compress(long[] h, long[] w) {
        for (int t = 16; t < 80; t++) {
            long x = w[t - 2], y = w[t - 15];
            long s1 = Long.rotateRight(x, 19) ^ Long.rotateRight(x, 61) ^ (x >>> 6);
            long s0 = Long.rotateRight(y, 1) ^ Long.rotateRight(y, 8) ^ (y >>> 7);
            w[t] = s1 + w[t - 7] + s0 + w[t - 16];
        }
        long a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int t = 0; t < 80; t++) {
            long t1 = hh + (Long.rotateRight(e, 14) ^ Long.rotateRight(e, 18) ^ Long.rotateRight(e, 41)) + ((e & f) ^ (~e & g)) + K[t] + w[t];
            long t2 = (Long.rotateRight(a, 28) ^ Long.rotateRight(a, 34) ^ Long.rotateRight(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
        }
        h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }

    /** SHA-512 state after absorbing one 128-byte block from IV. */
    private static long[] stateAfter(byte[] block, long[] w) {
        long[] h = IV.clone();
        for (int i = 0; i < 16; i++) w[i] = be(block, i * 8);
        compress(h, w);
        return h;
    }

    private static long be(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = (v << 8) | (b[off + i] & 0xFF);
        return v;
    }

    /**
     * Finishes a hash whose state already absorbed one 128-byte block (a pad), over 64 bytes held as
     * 8 words in m: out = SHA-512(pad || m). Total length 192 bytes = 1536 bits.
     */
    static void finish64(long[] padState, long[] m, long[] out, long[] w) {
        System.arraycopy(padState, 0, out, 0, 8);
        System.arraycopy(m, 0, w, 0, 8);
        w[8] = 0x8000000000000000L;
        for (int i = 9; i < 15; i++) w[i] = 0;
        w[15] = 1536;
        compress(out, w);
    }

    /** The derived key: PBKDF2-HMAC-SHA512 of the passphrase in UTF-8 (as the JDK encodes it), keyBytes long. */
    static byte[] derive(char[] passphrase, byte[] salt, int iterations, int keyBytes) throws java.security.GeneralSecurityException {
        return derive(passphrase, salt, iterations, keyBytes, true);
    }

    /** The same, in Java only (the system's function not asked): for the tests that compare both. */
    static byte[] deriveInJava(char[] passphrase, byte[] salt, int iterations, int keyBytes) throws java.security.GeneralSecurityException {
        return derive(passphrase, salt, iterations, keyBytes, false);
    }

    private static byte[] derive(char[] passphrase, byte[] salt, int iterations, int keyBytes, boolean system)
            throws java.security.GeneralSecurityException {
        final int block = 128;
        java.nio.ByteBuffer pb = StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(passphrase));
        byte[] p = new byte[pb.remaining()];
        pb.get(p);
        if (pb.hasArray()) Arrays.fill(pb.array(), (byte) 0);
        byte[] ipad = new byte[block], opad = new byte[block];
        long[] w = new long[80], istate = null, ostate = null, u = new long[8], x = new long[8], t = new long[8];
        byte[] first = new byte[64];
        byte[] out = new byte[keyBytes];
        try {
            // the system's own PBKDF2 where there is one (same bytes, same iterations, faster in a cold JVM)
            byte[] bySystem = system ? NativePbkdf2.derive(p, salt, iterations, keyBytes) : null;
            if (bySystem != null) return bySystem;
            byte[] k = p.length > block ? java.security.MessageDigest.getInstance("SHA-512").digest(p) : p;
            for (int i = 0; i < block; i++) {
                byte b = i < k.length ? k[i] : 0;
                ipad[i] = (byte) (b ^ 0x36);
                opad[i] = (byte) (b ^ 0x5c);
            }
            if (k != p) Arrays.fill(k, (byte) 0);
            istate = stateAfter(ipad, w);
            ostate = stateAfter(opad, w);
            for (int index = 1, off = 0; off < keyBytes; index++, off += 64) {
                // U1 = HMAC(salt || INT(index)), through the JDK's digest (once)
                java.security.MessageDigest mi = java.security.MessageDigest.getInstance("SHA-512");
                mi.update(ipad);
                mi.update(salt);
                mi.update(new byte[] {(byte) (index >>> 24), (byte) (index >>> 16), (byte) (index >>> 8), (byte) index});
                byte[] inner = mi.digest();
                java.security.MessageDigest mo = java.security.MessageDigest.getInstance("SHA-512");
                mo.update(opad);
                mo.update(inner);
                mo.digest(first, 0, 64);
                Arrays.fill(inner, (byte) 0);
                for (int i = 0; i < 8; i++) t[i] = u[i] = be(first, i * 8);
                for (int it = 1; it < iterations; it++) {
                    finish64(istate, u, x, w);
                    finish64(ostate, x, u, w);
                    for (int j = 0; j < 8; j++) t[j] ^= u[j];
                }
                for (int i = 0; i < Math.min(64, keyBytes - off); i++) out[off + i] = (byte) (t[i >>> 3] >>> (56 - 8 * (i & 7)));
            }
            return out;
        } catch (java.security.DigestException e) {
            throw new java.security.GeneralSecurityException(e);
        } finally {
            Arrays.fill(p, (byte) 0);
            Arrays.fill(ipad, (byte) 0);
            Arrays.fill(opad, (byte) 0);
            Arrays.fill(first, (byte) 0);
            Arrays.fill(w, 0);
            Arrays.fill(u, 0);
            Arrays.fill(x, 0);
            Arrays.fill(t, 0);
            // the pad states stand for the passphrase: with them the key is one derivation away
            if (istate != null) Arrays.fill(istate, 0);
            if (ostate != null) Arrays.fill(ostate, 0);
        }
    }
}
