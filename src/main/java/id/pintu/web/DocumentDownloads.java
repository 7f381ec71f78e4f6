package id.pintu.web;

import id.pintu.audit.DocumentReads;
import id.pintu.documents.StoredDocument;
import id.pintu.workflow.WorkflowException;
import java.util.Set;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Serves a stored document. Only PDF and images are shown inline (in the task page's frame); anything else another
 * channel stored is offered as a download of opaque bytes, so no stored file can act as a page of the hub.
 */
@Component
class DocumentDownloads {

    private static final Set<String> INLINE = Set.of("application/pdf", "image/jpeg", "image/png");

    private final DocumentReads reads;

    DocumentDownloads(DocumentReads reads) {
        this.reads = reads;
    }

    /** Every read is recorded in the audit trail by {@link DocumentReads}; a purged content answers 404. */
    ResponseEntity<byte[]> serve(StoredDocument d, String reader, String channel) {
        byte[] content = reads.read(d, reader, channel)
                .orElseThrow(() -> WorkflowException.notFound("the content of document " + d.id() + " was purged"));
        boolean inline = INLINE.contains(d.contentType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(d.name(), java.nio.charset.StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(d.contentType()) : MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(content);
    }
}
