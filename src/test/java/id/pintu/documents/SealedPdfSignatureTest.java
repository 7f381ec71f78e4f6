package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rendered letter sealed by the keystore signer carries a PAdES (ETSI.CAdES.detached) signature that validates
 * and covers the whole file; changing one byte or appending bytes is detected; a key generated for the embedded
 * default is kept and reused, so documents sealed before a restart still verify.
 */
class SealedPdfSignatureTest {

    @TempDir
    Path dir;

    @Test
    void sealedLetterVerifiesAndAnyChangeIsDetected() throws Exception {
        DocumentsProperties.Signing settings = new DocumentsProperties.Signing(null, "secret", "", null,
                "CN=Uji Segel,C=ID", java.util.List.of());
        KeystoreSigner signer = new KeystoreSigner(settings, dir, Clock.systemUTC());
        byte[] unsigned = new PdfRenderer().render(Letterhead.of(office()), letter());
        byte[] pdf = signer.sign(unsigned,
                new DocumentSigner.Request("Drs. Bonar Situmorang, M.Si", "Surat Penolakan", "Sidikalang",
                        Instant.parse("2026-11-28T03:00:00Z")));

        int[] byteRange;
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature sig = doc.getLastSignatureDictionary();
            byteRange = sig.getByteRange();
            // The placeholder for the CMS (hex between the two signed ranges) is sized to this key's CMS plus a
            // small margin, not a fixed 16 KB of zeros in every sealed PDF.
            assertThat(byteRange[2] - byteRange[1] - 2).isEqualTo(signer.signatureSize() * 2);
            assertThat(signer.signatureSize()).isLessThan(4096);
            assertThat(pdf.length - unsigned.length).isLessThan(12 * 1024);
            assertThat(sig.getSubFilter()).isEqualTo(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
            assertThat(sig.getFilter()).isEqualTo(PDSignature.FILTER_ADOBE_PPKLITE.getName());
        }
        SignedPdfVerifier verifier = new SignedPdfVerifier(signer);
        assertThat(verifier.verify(pdf).ok()).as("%s", verifier.verify(pdf)).isTrue();

        byte[] flipped = pdf.clone();
        // A byte the signature covers (inside the first signed range), not the unsigned padding of /Contents.
        flipped[byteRange[1] / 2] ^= 0x20;
        assertThat(verifier.verify(flipped).ok()).isFalse();
        byte[] extended = Arrays.copyOf(pdf, pdf.length + 8);
        System.arraycopy("\n%hello\n".getBytes(), 0, extended, pdf.length, 8);
        SignedPdfVerifier.Result appended = verifier.verify(extended);
        assertThat(appended.signatureValid()).isTrue();
        assertThat(appended.coversWholeFile()).isFalse();

        KeystoreSigner restarted = new KeystoreSigner(settings, dir, Clock.systemUTC());
        assertThat(restarted.trustedCertificates()).isEqualTo(signer.trustedCertificates());
        assertThat(new SignedPdfVerifier(restarted).verify(pdf).ok()).isTrue();
        KeystoreSigner stranger = new KeystoreSigner(settings, dir.resolve("other"), Clock.systemUTC());
        assertThat(new SignedPdfVerifier(stranger).verify(pdf).signedByOffice()).isFalse();

        // The seal renewed: documents sealed before stay the office's when the earlier certificate is configured
        Path earlier = dir.resolve("segel-lama.pem");
        Files.writeString(earlier, "-----BEGIN CERTIFICATE-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(signer.trustedCertificates().get(0).getEncoded()) + "\n-----END CERTIFICATE-----\n");
        KeystoreSigner renewed = new KeystoreSigner(new DocumentsProperties.Signing(null, "secret", "", null,
                settings.subject(), java.util.List.of(earlier)), dir.resolve("other"), Clock.systemUTC());
        assertThat(new SignedPdfVerifier(renewed).verify(pdf).ok()).isTrue();
        Files.write(Path.of("target", "sealed-letter-sample.pdf"), pdf);
    }

    static OfficeProfile office() {
        return new OfficeProfile("PEMERINTAH KABUPATEN DAIRI", "DINAS PENANAMAN MODAL, PELAYANAN TERPADU SATU PINTU"
                + " DAN KETENAGAKERJAAN", "Jl. Sidikalang - Medan Km. 3,5", "Telp. (0627) 21045", "Sidikalang",
                Path.of("config/documents/logo.png"));
    }

    static LetterContent letter() {
        return new LetterContent(DocumentPlan.Layout.LETTER, "SURAT PENOLAKAN", "503/7/TLK-IUI/DPMPTSPK/2026", "-",
                "Penolakan Permohonan Penerbitan Izin Perluasan Usaha Industri",
                List.of("Pimpinan PT Kopi Sidikalang", "u.p. Budi Santoso", "Jl. Sisingamangaraja No. 10"),
                "Sidikalang, 28 November 2026", "Dengan ini kami sampaikan bahwa permohonan belum dapat disetujui.\n\n"
                        + "| Nama Perusahaan | PT Kopi Sidikalang\n| NIB | 9120001234567",
                new LetterContent.Signature("a.n. KEPALA DINAS", "Sekretaris Dinas", "Drs. Bonar Situmorang, M.Si",
                        "Pembina Tingkat I (IV/b)", "197002141996031002", "Ditandatangani secara elektronik"),
                List.of(new LetterContent.Initial("Ir. Jonni Pardede", "Ketua Tim Teknis",
                        "27 November 2026 pukul 10.15 WIB")),
                new LetterContent.Verification("ABCDEFGH23", "http://localhost:8080/verifikasi/ABCDEFGH23"), null);
    }
}
