package id.pintu.documents;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the documents feature.
 *
 * @param officeFile the letterhead and the place written before dates (YAML)
 * @param definitionsDirectory one YAML per SOP: which step produces which document, and in which role
 * @param templatesDirectory the body texts of the documents, read at every rendering so the office can edit them
 * @param publicBaseUrl where the public verification page is reached; printed in the QR code of sealed documents
 * @param eventsUri the case events subscription: a durable shared subscription read in batches ({@code jms-batch}, see
 *     JmsBatchComponent); a transacted {@code jms} consumer URI works too, one event per transaction
 * @param timeZone the office's time zone for every date printed
 * @param signing the office seal's key
 */
@Validated
@ConfigurationProperties("pintu.documents")
public record DocumentsProperties(
        @DefaultValue("config/office.yaml") @NotNull Path officeFile,
        @DefaultValue("config/documents") @NotNull Path definitionsDirectory,
        @DefaultValue("config/templates/documents") @NotNull Path templatesDirectory,
        @DefaultValue("http://localhost:8080") @NotBlank String publicBaseUrl,
        @DefaultValue("jms-batch:topic:pintu.events?subscription=pintu-documents"
                + "&selector=RAW(PintuEventType IN ('STEP_ENTERED','STEP_COMPLETED'))") @NotBlank String eventsUri,
        @DefaultValue("Asia/Jakarta") @NotBlank String timeZone,
        @DefaultValue @Valid @NotNull Signing signing) {

    /**
     * The PKCS#12 keystore holding the seal's key. When {@code keystore} is not set, a self-signed key is made once
     * and kept in {@code generatedKeystore}, so the embedded default works out of the box and survives restarts.
     *
     * @param keystore the office's PKCS#12 file (production)
     * @param password the keystore's password (and the key's)
     * @param alias the key's alias; empty: the first key entry
     * @param generatedKeystore where the self-signed key of the embedded default lives; empty:
     *     {@code ${pintu.data-dir}/keys/pintu-seal.p12}
     * @param subject the distinguished name of the generated certificate
     * @param previousCertificates the certificates of the office's earlier seals (PEM or DER files): a document sealed
     *     before the seal was renewed or replaced is still the office's (it was "not made with the office's seal"
     *     once the keystore changed, with its SHA-256 in the registry)
     */
    public record Signing(
            Path keystore,
            @DefaultValue("pintu-local-seal") @NotBlank String password,
            @DefaultValue("") String alias,
            Path generatedKeystore,
            @DefaultValue("CN=Segel Elektronik DPMPTSPK Kabupaten Dairi (lokal),O=Pemerintah Kabupaten Dairi,C=ID")
            @NotBlank String subject,
            @DefaultValue("") List<Path> previousCertificates) {}
}
