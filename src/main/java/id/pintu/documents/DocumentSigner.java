package id.pintu.documents;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * Seals a finished PDF with the office's electronic signature. The embedded default signs with a local key
 * ({@link KeystoreSigner}); a certified signer (BSrE TTE) takes the PDF and returns it signed in the same way, so it
 * plugs in as another implementation of this interface.
 */
public interface DocumentSigner {

    /** Returns the signed file; the input is not changed. The signature must cover the whole returned file. */
    byte[] sign(byte[] pdf, Request request);

    /** The certificates whose signatures count as the office's when a file is verified. */
    List<X509Certificate> trustedCertificates();

    /**
     * @param signerName printed in the signature dictionary (the official, or the office)
     * @param reason why the document is signed
     * @param location the office's city
     * @param at the claimed signing time (PAdES: the /M entry, not a signed attribute)
     */
    record Request(String signerName, String reason, String location, Instant at) {}
}
