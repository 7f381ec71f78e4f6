package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.mail.MailProperties;
import id.pintu.support.HubTest;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Files whose names say nothing ("scan001.pdf") are recognised by their own title when they are PDFs with text: the
 * NIB certificate and an identity card downloaded as PDFs count as those documents, so no clarification asks for
 * them again. A letter that only mentions the NIB further down is not taken for it, and a scan (an image, no text)
 * stays for the clerk to record.
 */
@HubTest
class DossierByTitleTest {

    static final String APPLICANT = "dian.judul@contoh.co.id";

    @Autowired
    MailProperties mailProperties;

    @Autowired
    ApplicationRepository applications;

    @Autowired
    DossierService dossier;

    @Autowired
    DossierRequirements requirements;

    @Test
    void pdfsWithoutTellingNamesAreRecognisedByTheirTitle() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>(MailTestSupport.pdfs(List.of("surat-permohonan", "npwp",
                "akta-pendirian", "izin-usaha-industri", "dokumen-lingkungan", "rencana-perluasan")));
        files.put("scan001.pdf", MailTestSupport.pdf("PERIZINAN BERUSAHA BERBASIS RISIKO NOMOR INDUK BERUSAHA:"
                + " 9120001234567"));
        files.put("dokumen (2).pdf", MailTestSupport.pdf("REPUBLIK INDONESIA KARTU TANDA PENDUDUK NIK 1212"));
        files.put("lampiran.pdf", MailTestSupport.pdf("Dengan hormat, bersama ini kami sampaikan keterangan"
                + " tambahan mengenai rencana kegiatan perusahaan kami di kawasan industri. " + "kata ".repeat(30)
                + "Nomor Induk Berusaha 9120001234567 terlampir."));
        MailTestSupport mail = new MailTestSupport(mailProperties);
        mail.send(mail.message(APPLICANT, "Permohonan Izin Perluasan Usaha Industri", MailTestSupport.BODY, files,
                null, null));

        MailTestSupport.Received received = mail.awaitMail(APPLICANT, r -> r.subject().contains("telah diterima"));
        Application app = applications.findByTrackingCode(received.trackingCode()).orElseThrow();
        DossierView view = dossier.view(app.id());
        assertThat(view.required()).as("every required document, two of them by title")
                .allSatisfy(i -> assertThat(i.status()).as(i.key()).isEqualTo(DossierService.PRESENT));
        assertThat(view.required()).filteredOn(i -> i.key().equals("nib")).singleElement()
                .satisfies(i -> assertThat(i.files()).extracting(DossierView.File::name)
                        .containsExactly("scan001.pdf"));
        assertThat(view.required()).filteredOn(i -> i.key().equals("ktp-penanggung-jawab")).singleElement()
                .satisfies(i -> assertThat(i.files()).extracting(DossierView.File::name)
                        .containsExactly("dokumen (2).pdf"));
        assertThat(view.unmatched()).extracting(DossierView.File::name).as("a mention is not a title")
                .containsExactly("lampiran.pdf");
    }

    @Test
    void aTitleCountsOnlyAmongTheFirstWords() {
        DossierRequirements.Dossier d = requirements.of("izin-perluasan-usaha-industri");
        assertThat(d.matchTitle("Kartu Nomor Pokok Wajib Pajak")).map(DossierRequirements.Requirement::key)
                .contains("npwp");
        assertThat(d.matchTitle("Analisis mengenai dampak\nlingkungan hidup")).map(DossierRequirements.Requirement::key)
                .contains("dokumen-lingkungan");
        assertThat(d.matchTitle("kata ".repeat(DossierRequirements.TITLE_WORDS) + "Nomor Induk Berusaha")).isEmpty();
        assertThat(d.matchTitle("Nomor Berusaha Induk")).as("word for word").isEmpty();
        assertThat(d.matchTitle("")).isEmpty();
    }
}
