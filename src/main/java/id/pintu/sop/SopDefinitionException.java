package id.pintu.sop;

import java.util.List;

/** A definition file that cannot run. The message names the file, and for each problem the step and the field. */
public class SopDefinitionException extends RuntimeException {

    private final List<String> problems;

    public SopDefinitionException(String file, List<String> problems) {
        super("Invalid SOP definition " + file + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
