package id.pintu.survey;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import id.pintu.audit.AuditActions;
import id.pintu.audit.AuditTrail;
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
import org.springframework.jdbc.core.RowMapper;
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
    public static final int MAX_FOLLOW_UP = 2000;

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

    /** The index of one service (SOP) over a period. */
    public record ServiceIndex(String sop, Index index) {}

    /**
     * An applicant's suggestion, without who wrote it (the questionnaire promises that answers count only together):
     * the service, when, the text, and the office's follow-up once recorded.
     */
    public record Suggestion(String id, String sop, Instant submittedAt, String text, Instant followedUpAt,
            String followedUpBy, String followUpNote) {

        public boolean followedUp() {
            return followedUpAt != null;
        }
    }

    private static final String SUGGESTIONS = "SELECT r.id, a.sop_code, r.submitted_at, r.suggestion,"
            + " r.followed_up_at, r.followed_up_by, r.follow_up_note FROM survey_response r"
            + " JOIN application a ON a.id = r.application_id";

    private static final RowMapper<Suggestion> SUGGESTION = (rs, n) -> new Suggestion(rs.getString(1),
            rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), instant(rs.getTimestamp(5)),
            rs.getString(6), rs.getString(7));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SurveyProperties properties;
    private final List<Element> elements;
    private final AuditTrail audit;

    public SatisfactionSurvey(JdbcClient jdbc, Clock clock, SurveyProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
        // As the browser counted it against maxlength: a line break is one character, not the CRLF it sends (a
        // suggestion of many lines within the form's limit was refused, and every answer with it)
        String text = suggestion == null || suggestion.isBlank() ? null : suggestion.strip().replace("\r\n", "\n");
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
        return index(from, to, null);
    }

    /**
     * The index of the responses submitted from {@code from} (included) to {@code to} (excluded) about the cases of
     * one service ({@code sop}), or of all services (null).
     */
    public Index index(Instant from, Instant to, String sop) {
        String where = " WHERE r.submitted_at >= ? AND r.submitted_at < ?"
                + (sop == null ? "" : " AND r.application_id IN (SELECT id FROM application WHERE sop_code = ?)");
        Object[] params = sop == null ? new Object[] {Timestamp.from(from), Timestamp.from(to)}
                : new Object[] {Timestamp.from(from), Timestamp.from(to), sop};
        long respondents = jdbc.sql("SELECT COUNT(*) FROM survey_response r" + where)
                .params(params).query(Long.class).single();
        Map<String, long[]> sums = new HashMap<>();
        jdbc.sql("SELECT a.element, COUNT(*), SUM(a.score) FROM survey_answer a"
                        + " JOIN survey_response r ON r.id = a.response_id" + where + " GROUP BY a.element")
                .params(params)
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

    /** The index of each service that had respondents in the period, in the order of the services' codes. */
    public List<ServiceIndex> byService(Instant from, Instant to) {
        return jdbc.sql("SELECT DISTINCT a.sop_code FROM survey_response r"
                        + " JOIN application a ON a.id = r.application_id"
                        + " WHERE r.submitted_at >= ? AND r.submitted_at < ? ORDER BY a.sop_code")
                .params(Timestamp.from(from), Timestamp.from(to)).query(String.class).list().stream()
                .map(sop -> new ServiceIndex(sop, index(from, to, sop)))
                .toList();
    }

    /**
     * The suggestions written in the period (newest first, at most {@code limit}), of one service or all (null);
     * only those without a follow-up when {@code open}.
     */
    public List<Suggestion> suggestions(Instant from, Instant to, String sop, boolean open, int limit) {
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
        StringBuilder sql = new StringBuilder(SUGGESTIONS
                + " WHERE r.submitted_at >= ? AND r.submitted_at < ? AND r.suggestion IS NOT NULL");
        if (sop != null) {
            sql.append(" AND a.sop_code = ?");
            params.add(sop);
        }
        if (open) {
            sql.append(" AND r.followed_up_at IS NULL");
        }
        sql.append(" ORDER BY r.submitted_at DESC, r.id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(SUGGESTION).list();
    }

    /** Suggestions of every period that no one has followed up yet. */
    public long openSuggestions() {
        return jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE suggestion IS NOT NULL AND followed_up_at IS NULL")
                .query(Long.class).single();
    }

    /**
     * Records what the office did about a suggestion (the head of office's follow-up, "tindak lanjut"), once: refused
     * (unprocessable) for a blank or too long note, (not found) for no such suggestion, (conflict) when it was
     * followed up already. Audited without the case, like the suggestion itself.
     */
    @Transactional
    public Suggestion followUp(String id, String note, String by) {
        String text = note == null ? "" : note.replace("\r\n", "\n").strip();
        if (text.isEmpty() || text.length() > MAX_FOLLOW_UP) {
            throw WorkflowException.unprocessable("a follow-up needs 1 to " + MAX_FOLLOW_UP + " characters");
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM survey_response WHERE id = ? AND suggestion IS NOT NULL")
                .param(id).query(Long.class).single() > 0;
        if (!exists) {
            throw WorkflowException.notFound("no suggestion " + id);
        }
        int updated = jdbc.sql("UPDATE survey_response SET followed_up_at = ?, followed_up_by = ?, follow_up_note = ?"
                        + " WHERE id = ? AND followed_up_at IS NULL")
                .params(Timestamp.from(clock.instant()), by, text, id).update();
        if (updated != 1) {
            throw WorkflowException.conflict("suggestion " + id + " was followed up already");
        }
        audit.append(new AuditTrail.Record(by, AuditActions.SURVEY_SUGGESTION_FOLLOWED_UP, null, id, null,
                Map.of("note", text), null));
        return jdbc.sql(SUGGESTIONS + " WHERE r.id = ?").param(id).query(SUGGESTION).single();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
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
