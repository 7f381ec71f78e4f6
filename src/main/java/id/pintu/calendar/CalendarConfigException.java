package id.pintu.calendar;

import java.util.List;

/** A calendar file the office cannot run on. The message names the file and, for each problem, the field. */
public class CalendarConfigException extends RuntimeException {

    private final List<String> problems;

    public CalendarConfigException(String file, List<String> problems) {
        super("Invalid calendar file " + file + ":\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
