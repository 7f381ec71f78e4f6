package id.pintu.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The grades of the Indeks Kepuasan Masyarakat at the edges of Peraturan Menteri PANRB 14/2017's intervals; the
 * questionnaire file checked at start-up.
 */
class SurveyQuestionnaireAndGradesTest {

    @Test
    void gradesFollowTheRegulationsIntervals() {
        assertThat(SatisfactionSurvey.grade(100)).isEqualTo("A");
        assertThat(SatisfactionSurvey.grade(88.31)).isEqualTo("A");
        assertThat(SatisfactionSurvey.grade(88.30)).isEqualTo("B");
        assertThat(SatisfactionSurvey.grade(76.61)).isEqualTo("B");
        assertThat(SatisfactionSurvey.grade(76.60)).isEqualTo("C");
        assertThat(SatisfactionSurvey.grade(65.00)).isEqualTo("C");
        assertThat(SatisfactionSurvey.grade(64.99)).isEqualTo("D");
        assertThat(SatisfactionSurvey.grade(25)).isEqualTo("D");
    }

    @Test
    void theShippedQuestionnaireHasTheNineElementsAndAMissingOneStopsTheStartUnlessTheSurveyIsOff() throws Exception {
        assertThat(new SatisfactionSurvey(null, null, new SurveyProperties(true, Path.of("config/survey/skm.yaml")), null)
                .elements()).extracting(SatisfactionSurvey.Element::key).containsExactly("persyaratan", "prosedur",
                        "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana");
        Path missing = Path.of("target/no-such-skm.yaml");
        assertThatThrownBy(() -> new SatisfactionSurvey(null, null, new SurveyProperties(true, missing), null))
                .hasMessageContaining("copy config/survey/skm.yaml of the release there, or set"
                        + " pintu.survey.enabled=false");
        assertThat(new SatisfactionSurvey(null, null, new SurveyProperties(false, missing), null).elements()).isEmpty();
        Path bad = Files.createTempFile("skm", ".yaml");
        Files.writeString(bad, "elements:\n  - key: Waktu\n    name: Waktu\n    question: Cepat?\n"
                + "    answers: [Lambat, Cepat]\n");
        assertThatThrownBy(() -> new SatisfactionSurvey(null, null, new SurveyProperties(true, bad), null))
                .hasMessageContaining("elements[0].key: 'Waktu' must be 1 to 64 lower-case letters")
                .hasMessageContaining("elements[0].answers: exactly four");
    }
}
