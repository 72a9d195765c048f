package fr.carnet.ui.common;

import fr.carnet.domain.Enums.SyncState;
import fr.carnet.i18n.Messages;

/** Display names of the domain's closed vocabularies, from the bundle (no JavaFX: ViewModels use it). */
public final class Labels {
    private Labels() {}

    public static String of(Enum<?> e) {
        if (e == null) return "";
        return Messages.get("desk.enum." + e.getDeclaringClass().getSimpleName() + "." + e.name());
    }

    /** The label of a wire enum value, or "" when empty. */
    public static <E extends Enum<E>> String of(Class<E> type, String wire) {
        if (wire == null || wire.isBlank()) return "";
        try {
            return of(Enum.valueOf(type, wire));
        } catch (IllegalArgumentException e) {
            return wire;
        }
    }

    public static String sync(SyncState s) {
        return of(s);
    }
}
