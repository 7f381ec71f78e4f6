package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A value that looks like a placeholder is printed as it is, never expanded; empty values print as "-". */
class TemplateNoInjectionTest {

    @Test
    void valuesAreNotExpandedAgain() {
        String out = TemplateText.render("Kepada ${companyName} di ${city}, catatan: ${stepNote}.",
                Map.of("companyName", "PT ${officeName} $1 \\", "city", "Sidikalang", "officeName", "RAHASIA"));
        assertThat(out).isEqualTo("Kepada PT ${officeName} $1 \\ di Sidikalang, catatan: -.");
    }
}
