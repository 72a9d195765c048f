package fr.carnet.domain;

import fr.carnet.i18n.Messages;
import java.util.Arrays;
import java.util.List;

/**
 * One broken rule on one field of a record: what the form shows under the field, what the
 * server returns with {@code invalid}, what an import reports with the file and the line.
 *
 * @param field the wire name of the field, or "" for the record as a whole
 * @param code  a bundle key under {@code validation.}
 * @param args  the message's arguments
 */
public record Violation(String field, String code, List<Object> args) {
    public static Violation of(String field, String code, Object... args) {
        return new Violation(field, code, Arrays.asList(args));
    }

    /** The message in the current locale. */
    public String message() {
        return Messages.get("validation." + code, args.toArray());
    }

    @Override
    public String toString() {
        return field + ": " + message();
    }
}
