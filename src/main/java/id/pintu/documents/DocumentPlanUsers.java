package id.pintu.documents;

import java.nio.file.Path;
import java.util.List;

/**
 * A feature whose files name an SOP's documents (the mail rules attach them). Before an edited plan is put in force
 * while the hub runs, each says what the plan would take from it, so that no mail is left waiting for a document the
 * plan no longer makes.
 */
public interface DocumentPlanUsers {

    /** The problems {@code plan}, read from {@code planFile}, would cause; empty when none. */
    List<String> problemsWith(Path planFile, DocumentPlan plan);
}
