package id.pintu.audit;

import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way to read a document's content for a person (UU 27/2022): the read and its audit entry commit
 * together, so no scan is shown without a record of who saw it. Empty when the content was purged.
 */
@Component
public class DocumentReads {

    private final DocumentStore documents;
    private final AuditTrail audit;

    public DocumentReads(DocumentStore documents, AuditTrail audit) {
        this.documents = documents;
        this.audit = audit;
    }

    /**
     * @param reader the staff username, or {@code applicant:<email>} for the applicant's own download
     * @param channel where it was read (e.g. {@code web}, {@code api}, {@code tracking})
     */
    @Transactional
    public Optional<byte[]> read(StoredDocument d, String reader, String channel) {
        Optional<byte[]> content = documents.content(d.id());
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("kind", d.kind());
        what.put("name", d.name());
        what.put("channel", channel);
        what.put("found", content.isPresent());
        audit.append(new AuditTrail.Record(reader, AuditActions.DOCUMENT_READ, d.applicationId(), d.id(), null, what,
                null));
        return content;
    }
}
