package id.pintu.documents;

import java.nio.file.Path;
import java.util.List;

/**
 * A feature whose files name an SOP's documents (the mail rules attach them). Before an edited plan is put in force
 * or a removed one goes while the hub runs, each says what that would take from it, so that no mail is left waiting
 * for a document the plan no longer makes.
 */
public interface DocumentPlanUsers {

    /** The problems {@code plan}, read from {@code planFile}, would cause; empty when none. */
    List<String> problemsWith(Path planFile, DocumentPlan plan);

    /** The problems removing the SOP's plan, once read from {@code planFile}, would cause; empty when none. */
    List<String> problemsWithout(Path planFile, String sopCode);
}
