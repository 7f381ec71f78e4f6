package id.pintu.documents;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The public answer to "is this document genuine?": by code, the registry's facts; for an uploaded file, also the
 * signature over the whole file and the file's SHA-256 against the registry (one changed byte fails). Only the
 * number, holder, date, document type and SHA-256 are revealed.
 */
@Component
public class DocumentVerification {

    public record Facts(boolean genuine, String document, String number, String holder, String date, String issuedAt,
            String sha256) {}

    public record FileCheck(boolean genuine, boolean signatureValid, boolean coversWholeFile, boolean signedByOffice,
            boolean registered, String problem, String sha256, Facts document) {}

    private final SealRegistry seals;
    private final SignedPdfVerifier verifier;
    private final ZoneId zone;

    public DocumentVerification(SealRegistry seals, SignedPdfVerifier verifier, DocumentsProperties properties) {
        this.seals = seals;
        this.verifier = verifier;
        this.zone = ZoneId.of(properties.timeZone());
    }

    public Optional<Facts> byCode(String code) {
        return seals.byCode(code).map(this::facts);
    }

    public FileCheck file(byte[] content) {
        String sha = DocumentStore.sha256(content);
        SignedPdfVerifier.Result sig = verifier.verify(content);
        List<SealRegistry.Seal> registered = seals.bySha256(sha);
        boolean known = !registered.isEmpty();
        boolean genuine = sig.ok() && known;
        String problem = sig.problem() != null ? sig.problem()
                : known ? null : "this file is not a document the office issued (its SHA-256 is not in the registry)";
        return new FileCheck(genuine, sig.signatureValid(), sig.coversWholeFile(), sig.signedByOffice(), known, problem,
                sha, genuine ? facts(registered.get(0)) : null);
    }

    private Facts facts(SealRegistry.Seal s) {
        return new Facts(true, s.title(), s.number(), s.holder(), IndonesianDates.date(s.issuedAt(), zone),
                s.issuedAt().toString(), s.sha256());
    }
}
