package id.pintu.mail;

import id.pintu.documents.DocumentOutputs;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The documents a mail attaches ({@link OutgoingMail#documentIds()}): a document id, or {@code latest:<kind>} for the
 * newest document of that kind meant for the applicant. Whether they exist yet decides whether an owed mail can go
 * at once or waits for them ({@link MailOutbox}); at sending time they are resolved here ({@link OutboxMailSender}).
 */
@Component
public class MailAttachments {

    private final DocumentStore documents;

    public MailAttachments(DocumentStore documents) {
        this.documents = documents;
    }

    /** The document {@code ref} names for the case, or {@link MissingAttachmentException} if it is not made yet. */
    public StoredDocument resolve(String applicationId, String ref) {
        if (ref.startsWith(OutgoingMail.LATEST_PREFIX)) {
            return latest(documents.ofApplication(applicationId), ref)
                    .orElseThrow(() -> new MissingAttachmentException("no document of kind "
                            + ref.substring(OutgoingMail.LATEST_PREFIX.length()) + " for case " + applicationId
                            + " yet", output(ref)));
        }
        StoredDocument d = documents.find(ref)
                .orElseThrow(() -> new MissingAttachmentException("no document " + ref + " yet", output(ref)));
        if (applicationId != null && !applicationId.equals(d.applicationId())) {
            throw new IllegalStateException("document " + ref + " belongs to another case");
        }
        return d;
    }

    /** The references of {@code refs} that no document answers yet; empty when the mail could go now. */
    public List<String> missing(String applicationId, List<String> refs) {
        if (refs == null || refs.isEmpty()) {
            return List.of();
        }
        List<StoredDocument> ofCase = applicationId == null ? List.of() : documents.ofApplication(applicationId);
        List<String> missing = new ArrayList<>();
        for (String ref : refs) {
            boolean there = ref.startsWith(OutgoingMail.LATEST_PREFIX)
                    ? latest(ofCase, ref).isPresent()
                    : ofCase.stream().anyMatch(d -> d.id().equals(ref));
            if (!there) {
                missing.add(ref);
            }
        }
        return missing;
    }

    /**
     * The output a mail waiting for {@code ref} waits for, as the documents feature reports it when it has made the
     * final (issued or numbered) document of a kind ({@code DocumentProducer}); null for a document id, which any
     * new document of the case may be.
     */
    public static String output(String ref) {
        return ref.startsWith(OutgoingMail.LATEST_PREFIX)
                ? DocumentOutputs.finalDocument(ref.substring(OutgoingMail.LATEST_PREFIX.length()))
                : null;
    }

    private static Optional<StoredDocument> latest(List<StoredDocument> ofCase, String ref) {
        String kind = ref.substring(OutgoingMail.LATEST_PREFIX.length());
        return ofCase.stream()
                .filter(d -> d.kind().equals(kind) && StoredDocument.APPLICANT.equals(d.audience()))
                .max(Comparator.comparing(StoredDocument::createdAt));
    }
}
