package fr.carnet.dataset;

/**
 * One problem in an import: which file, which line, which record and field, and what is wrong.
 * The message names fields and ids, never the values of personal fields.
 */
public record Problem(String file, int line, String recordId, String field, String message) {
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(file);
        if (line > 0) b.append(':').append(line);
        if (recordId != null) b.append(" [").append(recordId).append(']');
        if (field != null && !field.isEmpty()) b.append(' ').append(field);
        return b.append(" — ").append(message).toString();
    }
}
