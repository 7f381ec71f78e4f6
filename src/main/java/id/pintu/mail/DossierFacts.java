package id.pintu.mail;

import java.util.List;

/** What the intake knows about a case's dossier, for the mails that talk about it (implemented by the intake). */
public interface DossierFacts {

    /** One line per document received (label and file name), in Bahasa Indonesia. */
    List<String> documentsReceived(String applicationId);

    /** One line per problem (missing or unacceptable document), in Bahasa Indonesia; empty when none. */
    List<String> problems(String applicationId);
}
