package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Names and texts outside what Helvetica can print (Turkish, Polish, CJK, emoji, control characters) never make
 * rendering fail: accented letters keep their accent where WinAnsi has it, fall back to their plain letter, and
 * anything else prints as "?". Long words wrap instead of running off the page.
 */
class PdfTextSanitizingTest {

    @Test
    void unprintableCharactersAreReplacedNotFatal() throws IOException {
        LetterContent base = SealedPdfSignatureTest.letter();
        String company = "PT Şeker Łódź 株式会社 Café \u0007 😀 " + "x".repeat(200);
        LetterContent c = new LetterContent(base.layout(), base.title(), base.number(), base.lampiran(),
                base.perihal(), List.of("Pimpinan " + company), base.placeAndDate(),
                "Perusahaan " + company + " ditolak.", base.signature(), base.initials(), null, "DRAF");
        byte[] pdf = new PdfRenderer().render(Letterhead.of(SealedPdfSignatureTest.office()), c);
        String text = DocumentsBothBranchesTest.text(pdf);
        assertThat(text).contains("PT Seker Lódz ???? Café").contains("DRAF").doesNotContain("\u0007");
    }
}
