package id.pintu.survey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.common.TimeOrderedIds;
import id.pintu.workflow.WorkflowException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Survei Kepuasan Masyarakat of Peraturan Menteri PANRB 14/2017: once a case is closed its applicant answers, on
 * the tracking page, one question per element of service (requirements, procedure, time, cost, ...) on a scale of 1
 * to 4, once per case. The Indeks Kepuasan Masyarakat (IKM) over a period is the mean of the elements' mean scores
 * (every element weighs the same) times 25, graded A to D by the regulation's intervals. The questionnaire is the
 * office's file ({@code pintu.survey.file}), read and checked at start-up (not read when the survey is off).
 */
@Service
public class SatisfactionSurvey {

    public static final int MAX_SUGGESTION = 2000;

    /** One element of the questionnaire; {@code answers} from worst (score 1) to best (score 4). */
    public record Element(String key, String name, String question, List<String> answers) {}

    record File(List<Element> elements) {}

    /** An element's answers over the period: how many, and their mean score (NRR). */
    public record ElementScore(Element element, long answers, double mean) {}

    /**
     * The index over a period: how many responded, each element's mean, the IKM (25 to 100, two decimals; 0 when
     * nobody responded) and its grade (A, B, C, D; null when nobody responded).
     */
    public record Index(long respondents, List<ElementScore> elements, double value, String grade) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SurveyProperties properties;
    private final List<Element> elements;

    public SatisfactionSurvey(JdbcClient jdbc, Clock clock, SurveyProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.elements = properties.enabled() ? read(properties) : List.of();
    }

    public boolean enabled() {
        return properties.enabled();
    }

    public List<Element> elements() {
        return elements;
    }

    /** When the case's applicant answered the survey, if they did. */
    public Optional<Instant> answeredAt(String applicationId) {
        return jdbc.sql("SELECT submitted_at FROM survey_response WHERE application_id = ?").param(applicationId)
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    /**
     * Records the applicant's answers: a score of 1 to 4 for every element of the questionnaire, and a suggestion
     * if they wrote one. Refused (unprocessable) when an element is unanswered or out of the scale, (conflict) when
     * the case's survey was answered already.
     */
    @Transactional
    public void answer(String applicationId, Map<String, String> scores, String suggestion) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> valid = new HashMap<>();
        for (Element e : elements) {
            String given = scores.get(e.key());
            try {
                int score = Integer.parseInt(given == null ? "" : given.strip());
                if (score < 1 || score > 4) {
                    throw new NumberFormatException();
                }
                valid.put(e.key(), score);
            } catch (NumberFormatException ex) {
                problems.add(e.key());
            }
        }
        String text = suggestion == null || suggestion.isBlank() ? null : suggestion.strip();
        if (!problems.isEmpty()) {
            throw WorkflowException.unprocessable("unanswered: " + String.join(", ", problems));
        }
        if (text != null && text.length() > MAX_SUGGESTION) {
            throw WorkflowException.unprocessable("a suggestion holds at most " + MAX_SUGGESTION + " characters");
        }
        Instant now = clock.instant();
        String id = TimeOrderedIds.next(now);
        try {
            jdbc.sql("INSERT INTO survey_response (id, application_id, submitted_at, suggestion) VALUES (?, ?, ?, ?)")
                    .params(id, applicationId, Timestamp.from(now), text).update();
        } catch (DuplicateKeyException e) {
            throw WorkflowException.conflict("the survey of case " + applicationId + " was answered already");
        }
        for (Element e : elements) {
            jdbc.sql("INSERT INTO survey_answer (response_id, element, score) VALUES (?, ?, ?)")
                    .params(id, e.key(), valid.get(e.key())).update();
        }
    }

    /** The index of the responses submitted from {@code from} (included) to {@code to} (excluded). */
    public Index index(Instant from, Instant to) {
        long respondents = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE submitted_at >= ? AND submitted_at < ?")
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).single();
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql("SELECT a.element, COUNT(*), SUM(a.score) FROM survey_answer a"
                        + " JOIN survey_response r ON r.id = a.response_id"
                        + " WHERE r.submitted_at >= ? AND r.submitted_at < ? GROUP BY a.element")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    sums.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        List<ElementScore> scores = new ArrayList<>();
        double total = 0;
        int counted = 0;
        for (Element e : elements) {
            long[] s = sums.getOrDefault(e.key(), new long[] {0, 0});
            double mean = s[0] == 0 ? 0 : (double) s[1] / s[0];
            scores.add(new ElementScore(e, s[0], round(mean, 2)));
            if (s[0] > 0) {
                total += mean;
                counted++;
            }
        }
        if (counted == 0) {
            return new Index(respondents, scores, 0, null);
        }
        double value = round(total / counted * 25, 2);
        return new Index(respondents, scores, value, grade(value));
    }

    /** The grade of an IKM by the intervals of Peraturan Menteri PANRB 14/2017. */
    static String grade(double value) {
        if (value >= 88.31) {
            return "A";
        }
        if (value >= 76.61) {
            return "B";
        }
        if (value >= 65.00) {
            return "C";
        }
        return "D";
    }

    private static double round(double v, int places) {
        return BigDecimal.valueOf(v).setScale(places, RoundingMode.HALF_UP).doubleValue();
    }

    private static List<Element> read(SurveyProperties properties) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        File f;
        try {
            f = yaml.readValue(Files.readAllBytes(properties.file()), File.class);
        } catch (IOException e) {
            throw new IllegalStateException("Survey file " + properties.file() + " cannot be read (" + e + "): copy"
                    + " config/survey/skm.yaml of the release there, or set pintu.survey.enabled=false", e);
        }
        List<String> problems = new ArrayList<>();
        List<Element> read = f == null || f.elements() == null ? List.of() : f.elements();
        if (read.isEmpty()) {
            problems.add("no elements");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < read.size(); i++) {
            Element e = read.get(i);
            String at = "elements[" + i + "]";
            if (e.key() == null || !e.key().matches("[a-z0-9-]{1,64}")) {
                problems.add(at + ".key: '" + e.key() + "' must be 1 to 64 lower-case letters, digits or dashes");
            } else if (!keys.add(e.key())) {
                problems.add(at + ".key: '" + e.key() + "' is used twice");
            }
            if (e.name() == null || e.name().isBlank() || e.question() == null || e.question().isBlank()) {
                problems.add(at + ": name and question are required");
            }
            if (e.answers() == null || e.answers().size() != 4 || e.answers().stream().anyMatch(a -> a == null
                    || a.isBlank())) {
                problems.add(at + ".answers: exactly four, from worst (1) to best (4)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid survey file " + properties.file() + ":\n  - "
                    + String.join("\n  - ", problems));
        }
        return List.copyOf(read);
    }
}
