package id.pintu.web;

import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.workflow.WorkflowException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A case document for logged-in staff (the session of the pages; document ids are random UUIDs). */
@Controller
class DocumentPageController {

    private final DocumentStore documents;
    private final DocumentDownloads downloads;

    DocumentPageController(DocumentStore documents, DocumentDownloads downloads) {
        this.documents = documents;
        this.downloads = downloads;
    }

    @GetMapping("/dokumen/{docId}")
    ResponseEntity<byte[]> document(@PathVariable String docId, Authentication auth) {
        StoredDocument d = documents.find(docId).orElseThrow(() -> WorkflowException.notFound("no document " + docId));
        return downloads.serve(d, auth.getName(), "web");
    }
}
