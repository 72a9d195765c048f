package fr.carnet.store;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Locale;

/**
 * PBKDF2-HMAC-SHA512 by the system's OpenSSL ({@code libcrypto}, {@code PKCS5_PBKDF2_HMAC}), called
 * through the FFM API, on Linux where the library is there (Debian and Ubuntu ship it with the
 * system). The same function, the same iterations (the same cost to an attacker), the same bytes
 * ({@code NativePbkdf2Test} against {@link Pbkdf2Sha512}); about three times faster than the Java
 * loop in a cold JVM, which matters because the worker waits for it at every unlock. Elsewhere
 * (macOS, whose {@code libcrypto} must not be loaded by applications; Windows), or when the library
 * is missing or {@code -Dcarnet.nativeKdf=false}, {@link #derive} answers null and the caller
 * derives in Java. The passphrase's bytes are copied into memory of a confined arena and wiped
 * before it is closed.
 */
final class NativePbkdf2 {
    private static final MethodHandle PBKDF2;
    private static final MethodHandle SHA512;

    static {
        MethodHandle pbkdf2 = null, sha512 = null;
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")
                && !"false".equals(System.getProperty("carnet.nativeKdf"))) {
            try {
                SymbolLookup lib = null;
                for (String name : new String[] {"libcrypto.so.3", "libcrypto.so.1.1"}) {
                    try {
                        lib = SymbolLookup.libraryLookup(name, Arena.global());
                        break;
                    } catch (IllegalArgumentException notThere) {
                        // the next one
                    }
                }
                if (lib != null) {
                    Linker linker = Linker.nativeLinker();
                    // int PKCS5_PBKDF2_HMAC(const char *pass, int passlen, const unsigned char *salt, int saltlen,
                    //                       int iter, const EVP_MD *digest, int keylen, unsigned char *out)
                    pbkdf2 = linker.downcallHandle(lib.find("PKCS5_PBKDF2_HMAC").orElseThrow(),
                            FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT, ADDRESS, JAVA_INT, ADDRESS));
                    sha512 = linker.downcallHandle(lib.find("EVP_sha512").orElseThrow(), FunctionDescriptor.of(ADDRESS));
                }
            } catch (RuntimeException | LinkageError e) {
                pbkdf2 = null;
                sha512 = null;
            }
        }
        PBKDF2 = pbkdf2;
        SHA512 = sha512;
    }

    private NativePbkdf2() {}

    static boolean available() {
        return PBKDF2 != null;
    }

    /** The derived key, or null when the system's function is not available here (or failed): then derive in Java. */
    static byte[] derive(byte[] passphraseUtf8, byte[] salt, int iterations, int keyBytes) {
        if (PBKDF2 == null) return null;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment pass = arena.allocate(Math.max(1, passphraseUtf8.length));
            MemorySegment out = arena.allocate(keyBytes);
            try {
                MemorySegment.copy(passphraseUtf8, 0, pass, JAVA_BYTE, 0, passphraseUtf8.length);
                MemorySegment s = arena.allocate(Math.max(1, salt.length));
                MemorySegment.copy(salt, 0, s, JAVA_BYTE, 0, salt.length);
                MemorySegment md = (MemorySegment) SHA512.invokeExact();
                int ok = (int) PBKDF2.invokeExact(pass, passphraseUtf8.length, s, salt.length, iterations, md, keyBytes, out);
                return ok == 1 ? out.toArray(JAVA_BYTE) : null;
            } finally {
                pass.fill((byte) 0);
                out.fill((byte) 0);
            }
        } catch (Throwable e) {
            return null;
        }
    }
}
