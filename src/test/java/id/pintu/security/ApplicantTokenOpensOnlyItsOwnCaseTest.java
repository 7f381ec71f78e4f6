package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditEntry;
import id.pintu.audit.AuditTrail;
import id.pintu.documents.DocumentStore;
import id.pintu.documents.StoredDocument;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * An applicant's token opens its own case only: another case's tracking code with this token, or another case's
 * document id under this case's code and token, answers 404 exactly like an unknown one. The applicant's own
 * download works and is recorded in the audit trail as a document read.
 */
@HubTest
class ApplicantTokenOpensOnlyItsOwnCaseTest {

    @Autowired
    Api api;

    @Autowired
    DocumentStore documents;

    @Autowired
    AuditTrail audit;

    @Test
    void tokenAndDocumentIdsDoNotCrossCases() {
        JsonNode a = api.submit(Api.application(921));
        JsonNode b = api.submit(Api.application(922));
        String codeA = a.get("trackingCode").asText();
        String tokenA = a.get("token").asText();
        String tokenB = b.get("token").asText();

        assertThat(api.call(HttpMethod.GET, "/api/track/" + codeA + "?token=" + tokenA, null, null).status())
                .isEqualTo(200);
        assertThat(api.call(HttpMethod.GET, "/api/track/" + codeA + "?token=" + tokenB, null, null).status())
                .isEqualTo(404);
        assertThat(api.call(HttpMethod.POST, "/api/track/" + codeA + "/withdraw",
                java.util.Map.of("token", tokenB), null).status()).isEqualTo(404);

        StoredDocument letterA = documents.store(a.get("id").asText(), "resi", 3, "resi-a.pdf", "application/pdf",
                "%PDF-1.4 a".getBytes(StandardCharsets.US_ASCII), StoredDocument.APPLICANT, "front-office");
        StoredDocument letterB = documents.store(b.get("id").asText(), "resi", 3, "resi-b.pdf", "application/pdf",
                "%PDF-1.4 b".getBytes(StandardCharsets.US_ASCII), StoredDocument.APPLICANT, "front-office");

        assertThat(download(letterB.id(), codeA, tokenA).getStatusCode().value()).isEqualTo(404);
        ResponseEntity<byte[]> own = download(letterA.id(), codeA, tokenA);
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(new String(own.getBody(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4 a");

        assertThat(audit.ofApplication(a.get("id").asText()))
                .filteredOn(e -> e.action().equals(AuditActions.DOCUMENT_READ))
                .extracting(AuditEntry::subject, AuditEntry::actor)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(letterA.id(), "applicant:budi921@contoh.co.id"));
        assertThat(audit.ofApplication(b.get("id").asText()))
                .noneMatch(e -> e.action().equals(AuditActions.DOCUMENT_READ));
    }

    private ResponseEntity<byte[]> download(String docId, String code, String token) {
        return api.raw().getForEntity("/lacak/dokumen/{d}?kode={k}&token={t}", byte[].class, docId, code, token);
    }
}
