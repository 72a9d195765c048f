package fr.carnet.domain;

/**
 * One field of a record type, by its wire name.
 *
 * @param name         the wire name (SYNC.md)
 * @param kind         the shape of its value
 * @param required     whether a live record must have it
 * @param enumType     for ENUM and ENUM_LIST, the allowed values
 * @param refType      for ID fields that point at another record, that record's type
 * @param confidential whether a medico-social secretary may not read it (SYNC.md "Roles on the wire")
 */
public record FieldSpec(String name, FieldKind kind, boolean required, Class<? extends Enum<?>> enumType,
                        RecordType refType, boolean confidential) {

    /** The store's column name: the wire name in snake case. */
    public String column() {
        StringBuilder b = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) b.append('_').append(Character.toLowerCase(c));
            else b.append(c);
        }
        return b.toString();
    }

    static FieldSpec of(String name, FieldKind kind) {
        return new FieldSpec(name, kind, false, null, null, false);
    }

    static FieldSpec req(String name, FieldKind kind) {
        return new FieldSpec(name, kind, true, null, null, false);
    }

    FieldSpec asRequired() {
        return new FieldSpec(name, kind, true, enumType, refType, confidential);
    }

    FieldSpec asConfidential() {
        return new FieldSpec(name, kind, required, enumType, refType, true);
    }

    static FieldSpec enumOf(String name, Class<? extends Enum<?>> type) {
        return new FieldSpec(name, FieldKind.ENUM, false, type, null, false);
    }

    static FieldSpec enumList(String name, Class<? extends Enum<?>> type) {
        return new FieldSpec(name, FieldKind.ENUM_LIST, false, type, null, false);
    }

    static FieldSpec ref(String name, RecordType type) {
        return new FieldSpec(name, FieldKind.ID, false, null, type, false);
    }
}
