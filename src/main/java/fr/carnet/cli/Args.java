package fr.carnet.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options and positional words, with a clear error for anything unknown. */
public final class Args {
    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();

    /** Parses; {@code flags} take no value, {@code valued} take one. */
    public static Args parse(List<String> args, Set<String> flags, Set<String> valued) {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (s.startsWith("--")) {
                if (flags.contains(s)) a.options.put(s, "true");
                else if (valued.contains(s)) {
                    if (i + 1 >= args.size()) throw new UsageException("option " + s + " needs a value");
                    a.options.put(s, args.get(++i));
                } else throw new UsageException("unknown option " + s);
            } else a.positional.add(s);
        }
        return a;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public String require(String name) {
        return get(name).orElseThrow(() -> new UsageException("option " + name + " is required"));
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    public List<String> positional() {
        return positional;
    }

    /** A mistake in how the command was called. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
