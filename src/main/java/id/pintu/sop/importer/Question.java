package id.pintu.sop.importer;

/**
 * Something the table does not say and the importer will not guess. {@code step} is null for questions about the
 * whole table (an actor column); {@code field} names the definition field that stays open until answered.
 */
public record Question(String id, Integer step, String field, String text) {

    @Override
    public String toString() {
        return id + (step != null ? " (step " + step + ", " + field + ")" : " (" + field + ")") + ": " + text;
    }
}
