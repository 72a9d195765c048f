package fr.carnet.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.carnet.util.Json;
import java.util.Map;
import java.util.TreeMap;

/**
 * A record's version vector (SYNC.md "Records"): replica id → counter, where {@code "s"} is the
 * server's entry. Immutable. Missing entries count as 0.
 */
public final class VersionVector {
    /** The server's entry. */
    public static final String SERVER = "s";
    private final TreeMap<String, Long> entries;

    private VersionVector(TreeMap<String, Long> entries) {
        this.entries = entries;
    }

    public static VersionVector empty() {
        return new VersionVector(new TreeMap<>());
    }

    public static VersionVector of(Map<String, Long> m) {
        TreeMap<String, Long> t = new TreeMap<>();
        m.forEach((k, v) -> {
            if (v != null && v > 0) t.put(k, v);
        });
        return new VersionVector(t);
    }

    /**
     * Reads a vector from JSON; null when the node is not an object of non-negative integers
     * (a malformed {@code ctx} is a per-mutation {@code invalid}).
     */
    public static VersionVector parse(JsonNode n) {
        if (n == null || n.isNull()) return empty();
        if (!n.isObject()) return null;
        TreeMap<String, Long> t = new TreeMap<>();
        for (var it = n.fields(); it.hasNext(); ) {
            var e = it.next();
            JsonNode v = e.getValue();
            if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0 || e.getKey().isEmpty() || e.getKey().length() > 32)
                return null;
            if (v.asLong() > 0) t.put(e.getKey(), v.asLong());
        }
        return new VersionVector(t);
    }

    public long get(String replica) {
        return entries.getOrDefault(replica, 0L);
    }

    /** The server version this vector names ({@code "s"}). */
    public long server() {
        return get(SERVER);
    }

    public VersionVector with(String replica, long counter) {
        TreeMap<String, Long> t = new TreeMap<>(entries);
        if (counter > 0) t.put(replica, counter);
        else t.remove(replica);
        return new VersionVector(t);
    }

    /** This vector with {@code replica}'s entry raised to at least {@code counter}. */
    public VersionVector raise(String replica, long counter) {
        return counter > get(replica) ? with(replica, counter) : this;
    }

    /** Whether every entry of {@code other} is ≤ the same entry here. */
    public boolean dominates(VersionVector other) {
        for (var e : other.entries.entrySet()) if (get(e.getKey()) < e.getValue()) return false;
        return true;
    }

    /** Neither dominates the other. */
    public boolean concurrent(VersionVector other) {
        return !dominates(other) && !other.dominates(this);
    }

    /**
     * Whether a version written at server version {@code versionS} by the write {@code (dotReplica,
     * dotSeq)} is covered by this context: it is at or below the context's {@code s}, or it was
     * written by {@code replica} itself at a seq the context already includes (SYNC.md: "versions
     * written by this same replica count as covered").
     */
    public boolean covers(long versionS, String dotReplica, long dotSeq, String replica) {
        if (versionS <= server()) return true;
        return dotReplica != null && dotReplica.equals(replica) && dotSeq > 0 && dotSeq <= get(replica);
    }

    public Map<String, Long> asMap() {
        return java.util.Collections.unmodifiableMap(entries);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        entries.forEach(n::put);
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionVector v && v.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
