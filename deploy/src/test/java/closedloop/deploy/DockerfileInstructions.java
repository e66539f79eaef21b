package closedloop.deploy;

import java.util.ArrayList;
import java.util.List;

/**
 * The root {@code Dockerfile} as a list of instructions, continuation lines joined and comments left out, e.g.
 * {@code FROM eclipse-temurin:17.0.15_6-jre AS runtime} as keyword {@code FROM} and its arguments.
 */
final class DockerfileInstructions {

    static final String FILE = "Dockerfile";

    private DockerfileInstructions() {
    }

    static List<Instruction> read() {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : RepositoryFiles.read(RepositoryFiles.path(FILE)).split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String text = current.toString().strip();
            current.setLength(0);
            if (!text.isEmpty()) {
                int space = text.indexOf(' ');
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip()));
            }
        }
        return instructions;
    }

    static List<Instruction> of(String keyword) {
        return read().stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
    }

    /** One instruction: its keyword in capitals and the rest of it, continuation lines joined by a space. */
    record Instruction(String keyword, String arguments) {
    }
}
