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
}
