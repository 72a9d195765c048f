package fr.carnet.security;

import fr.carnet.domain.Violation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a store passphrase must be: long (at least {@link #MIN_LENGTH} characters — a phrase, not a
 * password), not the worker's login or name, not a well-known phrase, not one character repeated.
 */
public final class PassphrasePolicy {
    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = Set.of("motdepasse", "password", "azertyuiop", "qwertyuiop", "1234567890",
            "0123456789", "carnetcarnet", "soleil123", "bonjour123", "azerty1234", "motdepasse1", "iloveyou12");

    private PassphrasePolicy() {}

    /** The problems with a candidate passphrase for this worker (empty when acceptable). */
    public static List<Violation> check(char[] passphrase, String login, String displayName) {
        List<Violation> out = new ArrayList<>();
        String p = new String(passphrase);
        if (p.codePointCount(0, p.length()) < MIN_LENGTH) {
            out.add(Violation.of("passphrase", "passphrase.tooShort", MIN_LENGTH));
            return out;
        }
        String folded = fold(p);
        if (login != null && !login.isBlank() && folded.contains(fold(login))) out.add(Violation.of("passphrase", "passphrase.login"));
        else if (displayName != null && !displayName.isBlank() && folded.equals(fold(displayName))) out.add(Violation.of("passphrase", "passphrase.login"));
        if (COMMON.contains(folded)) out.add(Violation.of("passphrase", "passphrase.common"));
        if (p.chars().distinct().count() < 4) out.add(Violation.of("passphrase", "passphrase.repetitive"));
        return out;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
