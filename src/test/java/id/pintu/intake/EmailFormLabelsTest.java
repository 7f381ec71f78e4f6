package id.pintu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The body template's labels are read whatever their case, spacing and punctuation; other lines are ignored. */
class EmailFormLabelsTest {

    @Test
    void labelsAreCaseAndSpaceTolerant() {
        Map<String, String> f = EmailForm.fields("""
                Dengan hormat, berikut data kami:
                  NAMA   perusahaan : PT Kopi Sidikalang Jaya
                nib:9120001234567
                N.P.W.P: 01.234.567.8-901.000
                Kode KBLI : 10761
                Alamat Perusahaan: Jl. Sisingamangaraja No. 10
                Nama Pemohon: Budi Santoso
                No. Telp: 0812-3456-7890
                Terima kasih: salam
                """);
        ApplicationForm form = EmailForm.form(f, "budi@contoh.co.id");
        assertThat(form.companyName()).isEqualTo("PT Kopi Sidikalang Jaya");
        assertThat(form.nib()).isEqualTo("9120001234567");
        assertThat(form.npwp()).isEqualTo("012345678901000");
        assertThat(form.kbli()).isEqualTo("10761");
        assertThat(form.address()).isEqualTo("Jl. Sisingamangaraja No. 10");
        assertThat(form.phone()).isEqualTo("081234567890");
        assertThat(form.applicantEmail()).isEqualTo("budi@contoh.co.id");
        assertThat(f).doesNotContainKey("terima kasih");
    }

    @Test
    void noWithADotAndNoSpaceIsStillALabel() {
        Map<String, String> f = EmailForm.fields(
                "No.NPWP: 012345678901000\nNo.HP: 0812 3456 7890\nNo.NIB: 9120001234567");
        assertThat(f).containsEntry("npwp", "012345678901000").containsEntry("nib", "9120001234567")
                .containsKey("phone");
        assertThat(EmailForm.form(f, "x@contoh.co.id").phone()).isEqualTo("081234567890");
    }

    @Test
    void aNoBreakSpaceAfterTheColonIsASpace() {
        ApplicationForm form = EmailForm.form(EmailForm.fields("NIB:\u00A09120001234567\u00A0\nKBLI :\u202F10761"),
                "x@contoh.co.id");
        assertThat(form.nib()).isEqualTo("9120001234567");
        assertThat(form.kbli()).isEqualTo("10761");
    }

    @Test
    void aReplyToTheHubIsReadWithoutTheMailItQuotes() {
        String gmail = """
                Nama Perusahaan: PT Kopi Sidikalang Jaya
                NIB: 9120001234567

                Pada Sab, 5 Des 2026 pukul 10.00 Pintu <permohonan@pintu.local> menulis:
                > Nama Perusahaan: PT Contoh Usaha
                > Telepon: 081234567890
                """;
        assertThat(EmailForm.fields(gmail, true)).containsOnlyKeys("companyName", "nib")
                .containsEntry("companyName", "PT Kopi Sidikalang Jaya");
        String quotedOnly = "NIB: 9120001234567\n> Alamat: Jl. Contoh No. 1, Sidikalang\n>Nama Pemohon: Nama Anda\n";
        assertThat(EmailForm.fields(quotedOnly, true)).containsOnlyKeys("nib");
        String outlook = """
                NIB: 9120001234567

                From: Pintu <permohonan@pintu.local>
                Sent: Saturday, December 5, 2026 10:00 AM
                Subject: Permohonan belum dapat kami terima

                Nama Perusahaan: PT Contoh Usaha
                Telepon: 081234567890
                """;
        assertThat(EmailForm.fields(outlook, true)).containsOnlyKeys("nib");
        assertThat(EmailForm.fields("NIB: 9120001234567\n-----Original Message-----\nTelepon: 081234567890", true))
                .containsOnlyKeys("nib");
        // A form a colleague forwarded, quoted, is read whole: it answers no mail of the hub
        assertThat(EmailForm.fields(quotedOnly, false)).containsOnlyKeys("nib", "address", "applicantName");
        assertThat(EmailForm.fields(outlook, false)).containsKeys("companyName", "phone");
    }
}
