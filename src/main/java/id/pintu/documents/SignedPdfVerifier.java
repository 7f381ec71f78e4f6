package id.pintu.documents;

import id.pintu.security.SafePdf;
import java.io.IOException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.util.Selector;

/**
 * Checks a PDF's last signature: the CMS validates over the signed bytes, the byte range covers the whole file
 * (nothing was appended after signing) and the signer is one of the office's certificates.
 */
public class SignedPdfVerifier {

    public record Result(boolean signatureValid, boolean coversWholeFile, boolean signedByOffice, String problem) {

        public boolean ok() {
            return signatureValid && coversWholeFile && signedByOffice;
        }
    }

    private final DocumentSigner signer;
    private final SafePdf pdf;

    /** Anyone may upload a file to verify, so it is opened through {@link SafePdf} (bounded memory). */
    public SignedPdfVerifier(DocumentSigner signer, SafePdf pdf) {
        this.signer = signer;
        this.pdf = pdf;
    }

    public SignedPdfVerifier(DocumentSigner signer) {
        this(signer, SafePdf.withDefaults());
    }

    public Result verify(byte[] file) {
        try (PDDocument doc = pdf.open(file)) {
            List<PDSignature> signatures = doc.getSignatureDictionaries();
            if (signatures.isEmpty()) {
                return new Result(false, false, false, "the file carries no signature");
            }
            PDSignature sig = signatures.get(signatures.size() - 1);
            int[] range = sig.getByteRange();
            boolean covers = range != null && range.length == 4 && range[0] == 0 && range[1] > 0
                    && range[2] > range[1] && (long) range[2] + range[3] == file.length;
            byte[] contents = sig.getContents(file);
            byte[] signed = sig.getSignedContent(file);
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signed), contents);
            Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return new Result(false, covers, false, "expected one signer, found " + signers.size());
            }
            SignerInformation info = signers.iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches =
                    cms.getCertificates().getMatches((Selector<X509CertificateHolder>) info.getSID());
            if (matches.isEmpty()) {
                return new Result(false, covers, false, "the signer's certificate is missing");
            }
            X509CertificateHolder holder = matches.iterator().next();
            boolean valid = info.verify(new JcaSimpleSignerInfoVerifierBuilder().build(holder));
            boolean office = false;
            for (X509Certificate trusted : signer.trustedCertificates()) {
                if (new JcaX509CertificateHolder(trusted).equals(holder)) {
                    office = true;
                }
            }
            String problem = !valid ? "the signature does not match the signed bytes"
                    : !covers ? "the file was changed or extended after signing"
                    : !office ? "the signature was not made with the office's seal" : null;
            return new Result(valid, covers, office, problem);
        } catch (IOException | RuntimeException | org.bouncycastle.cms.CMSException
                | org.bouncycastle.operator.OperatorCreationException
                | java.security.cert.CertificateException e) {
            return new Result(false, false, false, "not a readable signed PDF: " + e.getMessage());
        }
    }
}
