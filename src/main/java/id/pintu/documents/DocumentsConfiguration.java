package id.pintu.documents;

import id.pintu.security.SafePdf;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The documents feature's plain-Java parts; a certified signer (BSrE TTE) replaces the keystore signer as a bean. */
@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean
    PdfRenderer pdfRenderer() {
        return new PdfRenderer();
    }

    @Bean
    @ConditionalOnMissingBean(DocumentSigner.class)
    DocumentSigner documentSigner(DocumentsProperties properties, @Value("${pintu.data-dir}") Path dataDir,
            Clock clock) {
        return new KeystoreSigner(properties.signing(), dataDir, clock);
    }

    @Bean
    SignedPdfVerifier signedPdfVerifier(DocumentSigner signer, SafePdf pdf) {
        return new SignedPdfVerifier(signer, pdf);
    }
}
