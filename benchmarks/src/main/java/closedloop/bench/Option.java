package closedloop.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --name value} pair of a benchmark command's arguments.
 *
 * @param name  the option's name, with its dashes
 * @param value what follows it
 */
record Option(String name, String value) {

    /** The arguments as pairs; {@code --help} (or {@code -h}), or a name without a value, is refused with the usage. */
    static List<Option> of(String[] args, String usage) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new IllegalArgumentException(usage);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("No value for " + name + "\n" + usage);
            }
            options.add(new Option(name, args[++i]));
        }
        return options;
    }
}
