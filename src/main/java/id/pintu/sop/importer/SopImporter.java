package id.pintu.sop.importer;

import id.pintu.sop.Actor;
import id.pintu.sop.EndStatus;
import id.pintu.sop.MutuBaku;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.sop.StepKind;
import id.pintu.sop.Waktu;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an SOP-AP table (the office's document, tab-separated or CSV) into a definition file for
 * {@code config/sop/}. It reads what the table states (steps, marks per actor column, mutu baku), infers only what
 * the SOP-AP layout implies (rows follow each other; a decision followed by a rejection branch has that branch and
 * the one after it), and turns everything else into numbered questions. An unanswered question leaves a value the
 * loader refuses, so a half-read SOP can never run. Free of Spring: the command and an admin endpoint share it.
 */
public class SopImporter {

    /** The seed SOP's column titles; other offices' titles map through the actor file's names and ids. */
    private static final Map<String, String> KNOWN_TITLES = Map.of(
            "pemohon", "pemohon",
            "penerima berkas/front office", "front-office",
            "ksb. umum", "ksb-umum",
            "backoffice/ka seksi pel i", "backoffice",
            "tim teknis", "tim-teknis",
            "kabid. pelayanan", "kabid-pelayanan",
            "sekretaris", "sekretaris",
            "kadis", "kadis");
    private static final Set<String> ACTIVITY_MARKS = Set.of("□", "◻", "☐", "▢");
    private static final Set<String> DECISION_MARKS = Set.of("◇", "◆", "◊", "⬦");
    private static final Pattern REJECTION = Pattern.compile("tolak|penolak", Pattern.CASE_INSENSITIVE);
    private static final Pattern BACK_TO = Pattern.compile(
            "kembali\\s+ke\\s+(?:langkah|kegiatan|nomor|no\\.?)\\s*(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern CLARIFICATION = Pattern.compile("klarifikasi|perbaikan|belum lengkap|lengkapi",
            Pattern.CASE_INSENSITIVE);
    private static final Map<String, String> SECTION_LABELS = Map.of(
            "dasar hukum", SopHeader.LEGAL_BASIS,
            "kualifikasi pelaksana", SopHeader.QUALIFICATIONS,
            "keterkaitan", SopHeader.RELATED,
            "peralatan/perlengkapan", SopHeader.EQUIPMENT,
            "peringatan", SopHeader.WARNINGS,
            "pencatatan dan pendataan", SopHeader.RECORDS);

    private final Map<String, Actor> actors;
    private final Map<String, String> titleToId = new LinkedHashMap<>();

    public SopImporter(Map<String, Actor> actors) {
        this.actors = Map.copyOf(actors);
        for (Actor a : actors.values()) {
            titleToId.put(TableText.titleKey(a.id()), a.id());
            titleToId.put(TableText.titleKey(a.name()), a.id());
        }
        KNOWN_TITLES.forEach((title, id) -> titleToId.putIfAbsent(TableText.titleKey(title), id));
    }

    public ImportResult importTable(String text, Format format, Answers answers) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<List<String>> rows = format == Format.CSV ? CsvReader.read(body) : tabRows(body);
        return new Run(rows, answers == null ? Answers.none() : answers).result();
    }

    private static List<List<String>> tabRows(String text) {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.split("\\r?\\n", -1)) {
            rows.add(List.of(line.split("\t", -1)));
        }
        return rows;
    }

    private static String cell(List<String> row, int i) {
        return i >= 0 && i < row.size() ? row.get(i).trim() : "";
    }

    private enum IssueKind { COLUMN, NAME, ACTORS, WAKTU, PERFORMER, OUTCOME, NEXT }

    private static final class Column {
        final String title;
        String id;
        boolean confirmed;

        Column(String title) {
            this.title = title;
        }
    }

    private static final class DraftOutcome {
        String id;
        String label;
        Integer next;
        boolean awaitApplicant;
        String reason;
    }

    private static final class DraftStep {
        int no;
        String name;
        final List<Integer> marked = new ArrayList<>();
        final List<String> marks = new ArrayList<>();
        List<String> explicitActors;
        String performer;
        StepKind kind;
        String kelengkapan;
        String waktu;
        MutuBaku duration;
        String output;
        String ket;
        boolean rejection;
        Integer next;
        EndStatus end;
        String integration;
        String nextReason;
        final List<DraftOutcome> outcomes = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
    }

    /** One open point: the key pairs it across the passes before and after answers, so its id stays put. */
    private record Issue(String key, IssueKind kind, Integer step, int index, String field, String text) {}

    /** The state of one import; a fresh one per call keeps {@link SopImporter} safe to share. */
    private final class Run {
        private final Answers answers;
        private final List<String> notes = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();
        private final List<DraftStep> steps = new ArrayList<>();
        private final Map<String, List<String>> sections = new LinkedHashMap<>();
        private String government;
        private String agency;
        private String number;
        private String name;
        private String approvedBy;
        private String code;
        private Integer version;
        private String office;

        Run(List<List<String>> rows, Answers answers) {
            this.answers = answers;
            int header = findHeader(rows);
            readHeaderBlock(rows.subList(0, header));
            readTable(rows, header);
            inferTransitions();
        }

        ImportResult result() {
            Map<String, Issue> before = new LinkedHashMap<>();
            int n = 0;
            for (Issue i : openIssues()) {
                before.put(i.key(), new Issue("q" + (++n), i.kind(), i.step(), i.index(), i.field(), i.text()));
            }
            applyAnswers(before);
            List<Question> questions = new ArrayList<>();
            Map<String, Question> byKey = new LinkedHashMap<>();
            for (Issue i : openIssues()) {
                Issue asked = before.get(i.key());
                String id = asked != null ? asked.key() : "q" + (++n);
                Question q = new Question(id, i.step(), i.field(), i.text());
                questions.add(q);
                byKey.put(i.key(), q);
            }
            int answered = before.size() - (int) questions.stream().filter(q -> before.values().stream()
                    .anyMatch(b -> b.key().equals(q.id()))).count();
            if (answered > 0) {
                notes.add("the answers file resolved " + answered + " of the " + before.size() + " question(s) the table raises");
            }
            for (Column c : columns) {
                if (c.confirmed && !actors.containsKey(c.id)) {
                    notes.add("actor '" + c.id + "' (column '" + c.title + "') is not in the actors file: add it there,"
                            + " or the loader refuses the definition");
                }
            }
            SopDefinition definition = definition();
            SopHeader header = new SopHeader(government, agency, number, name, approvedBy, Map.copyOf(sections));
            String yaml = yaml(definition, byKey);
            return new ImportResult(yaml, definition, header, List.copyOf(questions), List.copyOf(notes));
        }

        // ---------------------------------------------------------------------------------------------- reading

        private int findHeader(List<List<String>> rows) {
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                if (cell(row, 0).matches("(?i)no\\.?") && row.stream().anyMatch(c -> c.trim().equalsIgnoreCase("kegiatan"))) {
                    return i;
                }
            }
            throw new IllegalArgumentException("no table header row found (a row starting with No, KEGIATAN, PELAKSANA)");
        }

        private void readHeaderBlock(List<List<String>> rows) {
            for (int i = 0; i < rows.size(); i++) {
                List<String> row = rows.get(i);
                List<String> filled = row.stream().map(String::trim).filter(c -> !c.isEmpty()).toList();
                if (filled.isEmpty()) {
                    continue;
                }
                String label = TableText.titleKey(cell(row, 0));
                if (label.equals("nomor sop")) {
                    number = filled.size() > 1 ? filled.get(1) : null;
                } else if (label.equals("nama sop")) {
                    name = filled.size() > 1 ? filled.get(1) : null;
                } else if (label.equals("disahkan oleh")) {
                    approvedBy = filled.size() > 1 ? filled.get(1) : null;
                } else if (filled.stream().allMatch(c -> SECTION_LABELS.containsKey(TableText.titleKey(c)))) {
                    // Two side-by-side boxes: labels on one row, their numbered lists on the next.
                    List<String> content = i + 1 < rows.size() ? rows.get(i + 1) : List.of();
                    for (int c = 0; c < row.size(); c++) {
                        String section = SECTION_LABELS.get(TableText.titleKey(cell(row, c)));
                        if (section != null) {
                            sections.put(section, TableText.numberedItems(cell(content, c)));
                        }
                    }
                    i++;
                } else if (filled.size() == 1 && number == null) {
                    String line = filled.get(0);
                    if (line.toUpperCase(Locale.ROOT).startsWith("PEMERINTAH ")) {
                        government = line;
                    } else if (agency == null) {
                        agency = line;
                    }
                }
            }
        }

        private void readTable(List<List<String>> rows, int header) {
            List<String> headerRow = rows.get(header);
            int kegiatan = indexOf(headerRow, "kegiatan");
            int titleRowIndex = indexOf(headerRow, "kelengkapan") >= 0 ? header : header + 1;
            List<String> titles = titleRowIndex < rows.size() ? rows.get(titleRowIndex) : List.of();
            int kelengkapan = indexOf(titles, "kelengkapan");
            if (kelengkapan < 0) {
                throw new IllegalArgumentException("the table header names no Kelengkapan column, so the actor columns"
                        + " cannot be told apart from the mutu baku");
            }
            int actorStart = kegiatan + 1;
            for (int c = actorStart; c < kelengkapan; c++) {
                readColumn(cell(titles, c), c - actorStart + 1);
            }
            int actorCount = kelengkapan - actorStart;

            // The mutu baku columns as the header places them, and packed right after the actors.
            List<String> trailing = new ArrayList<>();
            List<Integer> headerPositions = new ArrayList<>();
            for (String t : List.of("kelengkapan", "waktu", "output")) {
                trailing.add(t);
                headerPositions.add(indexOf(titles, t));
            }
            int ket = indexOf(titles, "ket") >= 0 ? indexOf(titles, "ket") : indexOf(titles, "keterangan");
            if (ket < 0) {
                ket = indexOf(headerRow, "ket") >= 0 ? indexOf(headerRow, "ket") : indexOf(headerRow, "keterangan");
            }
            trailing.add("ket");
            headerPositions.add(ket);
            List<Integer> packed = new ArrayList<>();
            for (int k = 0; k < trailing.size(); k++) {
                packed.add(actorStart + actorCount + k);
            }
            List<List<String>> data = new ArrayList<>();
            for (int r = titleRowIndex + 1; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (cell(row, 0).matches("\\d+")) {
                    data.add(row);
                } else if (row.stream().anyMatch(c -> !c.isBlank())) {
                    notes.add("table row " + (r + 1) + " has no step number and is ignored: " + String.join(" | ",
                            row.stream().map(String::trim).filter(c -> !c.isEmpty()).toList()));
                }
            }
            List<Integer> layout = packed;
            if (!packed.equals(headerPositions) && !headerPositions.contains(-1)) {
                if (score(data, headerPositions) > score(data, packed)) {
                    layout = headerPositions;
                } else {
                    notes.add("the header row places Kelengkapan, Waktu, Output, Ket at columns " + oneBased(headerPositions)
                            + " but the data rows hold them at " + oneBased(packed)
                            + " (the header has an extra empty column); aligned by the data rows");
                }
            }
            for (List<String> row : data) {
                steps.add(readStep(row, actorStart, actorCount, layout));
            }
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("the table has no numbered step rows");
            }
        }

        private void readColumn(String title, int position) {
            Column c = new Column(title);
            String known = title.isEmpty() ? null : titleToId.get(TableText.titleKey(title));
            if (known != null) {
                c.id = known;
                c.confirmed = true;
            } else {
                String slug = TableText.slug(title);
                c.id = slug.isEmpty() ? "kolom-" + position : (Character.isLetter(slug.charAt(0)) ? slug : "aktor-" + slug);
            }
            columns.add(c);
        }

        private int score(List<List<String>> data, List<Integer> layout) {
            int s = 0;
            for (List<String> row : data) {
                s += cell(row, layout.get(0)).isEmpty() ? 0 : 1;
                s += Waktu.parse(cell(row, layout.get(1))).isPresent() ? 2 : 0;
                s += cell(row, layout.get(2)).isEmpty() ? 0 : 1;
            }
            return s;
        }

        private DraftStep readStep(List<String> row, int actorStart, int actorCount, List<Integer> layout) {
            DraftStep s = new DraftStep();
            s.no = Integer.parseInt(cell(row, 0));
            s.name = cell(row, actorStart - 1);
            boolean decision = false;
            for (int c = 0; c < actorCount; c++) {
                String mark = cell(row, actorStart + c);
                if (mark.isEmpty()) {
                    continue;
                }
                if (ACTIVITY_MARKS.contains(mark) || DECISION_MARKS.contains(mark)) {
                    s.marked.add(c);
                    s.marks.add(mark);
                    decision |= DECISION_MARKS.contains(mark);
                } else {
                    notes.add("step " + s.no + ": column '" + columns.get(c).title + "' holds '" + mark
                            + "', which is neither □ nor ◇; it is not read as a mark");
                }
            }
            for (int c = actorStart + actorCount; c < row.size(); c++) {
                String v = cell(row, c);
                if (ACTIVITY_MARKS.contains(v) || DECISION_MARKS.contains(v)) {
                    notes.add("step " + s.no + ": a mark stands in column " + (c + 1) + ", beyond the actor columns");
                }
            }
            s.kind = decision ? StepKind.decision : StepKind.activity;
            s.kelengkapan = blankToNull(cell(row, layout.get(0)));
            s.waktu = cell(row, layout.get(1));
            s.duration = Waktu.parse(s.waktu).orElse(null);
            s.output = blankToNull(cell(row, layout.get(2)));
            s.ket = blankToNull(cell(row, layout.get(3)));
            s.rejection = REJECTION.matcher(s.name + " " + s.kelengkapan + " " + s.output).find();
            return s;
        }

        // ---------------------------------------------------------------------------------------- transitions

        private void inferTransitions() {
            int n = steps.size();
            for (int d = 0; d < n; d++) {
                DraftStep s = steps.get(d);
                if (s.kind != StepKind.decision) {
                    continue;
                }
                DraftOutcome yes = new DraftOutcome();
                DraftOutcome no = new DraftOutcome();
                s.outcomes.add(yes);
                s.outcomes.add(no);
                Integer backTo = s.ket == null ? null : backTarget(s.ket);
                if (d + 1 < n && steps.get(d + 1).rejection && !steps.get(d).rejection) {
                    int last = d + 1;
                    while (last + 1 < n && steps.get(last + 1).rejection) {
                        last++;
                    }
                    no.id = "reject";
                    no.next = steps.get(d + 1).no;
                    no.label = "Ditolak, lanjut ke langkah " + no.next;
                    yes.id = "approve";
                    if (last + 1 < n) {
                        yes.next = steps.get(last + 1).no;
                        yes.label = "Disetujui, lanjut ke langkah " + yes.next;
                        s.comments.add("inferred: steps " + no.next + "-" + steps.get(last).no + " mention a rejection"
                                + " (penolakan/ditolak), so they are the reject branch; approve continues at step "
                                + yes.next);
                    } else {
                        yes.label = "Disetujui";
                        yes.reason = "steps " + no.next + "-" + steps.get(last).no + " are the rejection branch and the"
                                + " table ends there; where does the approval lead?";
                    }
                } else {
                    yes.id = "yes";
                    no.id = "no";
                    if (d + 1 < n) {
                        yes.next = steps.get(d + 1).no;
                        yes.label = "Ya, lanjut ke langkah " + yes.next;
                        s.comments.add("inferred: the next row (step " + yes.next + ") is the 'yes' branch");
                    } else {
                        yes.label = "Ya";
                        yes.reason = "the decision is the table's last row; where does 'yes' lead?";
                    }
                    if (backTo != null) {
                        no.next = backTo;
                        no.label = "Tidak, kembali ke langkah " + backTo;
                        s.comments.add("inferred: Ket says '" + s.ket + "', so 'no' returns to step " + backTo);
                    } else {
                        no.label = "Tidak";
                        String hint = CLARIFICATION.matcher(s.name + " " + s.output).find()
                                ? " ('" + (CLARIFICATION.matcher(s.output == null ? "" : s.output).find() ? s.output : s.name)
                                        + "' suggests the applicant is asked to clarify: next to the step that checks"
                                        + " again, with awaitApplicant: true)"
                                : "";
                        no.reason = "the table gives only the branch to step " + yes.next + "; where does 'no' lead?"
                                + hint + " Give next, and awaitApplicant: true if the case first waits for the applicant.";
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                DraftStep s = steps.get(i);
                if (s.kind == StepKind.decision) {
                    continue;
                }
                Integer backTo = s.ket == null ? null : backTarget(s.ket);
                if (backTo != null) {
                    s.next = backTo;
                    s.comments.add("inferred: Ket says '" + s.ket + "'");
                } else if (s.rejection && (i + 1 == n || !steps.get(i + 1).rejection)) {
                    s.end = EndStatus.REJECTED;
                    s.comments.add("inferred: last step of the rejection branch");
                } else if (i + 1 == n) {
                    s.end = EndStatus.ISSUED;
                    s.comments.add("inferred: last row of the table and not on a rejection branch");
                } else if (!s.rejection && steps.get(i + 1).rejection && steps.get(i + 1).kind != StepKind.decision) {
                    // An activity of the approval side right before activities that mention a rejection (a decision
                    // saying "Diterima/Ditolak" starts no branch): going on into them would hand an approved case a
                    // rejection letter. Asked, never guessed.
                    s.nextReason = "the next row (step " + steps.get(i + 1).no + ") starts rows that mention a"
                            + " rejection; does this step end the case (end: ISSUED) or lead to another step (next)?";
                } else {
                    s.next = steps.get(i + 1).no;
                }
            }
        }

        private Integer backTarget(String ket) {
            Matcher m = BACK_TO.matcher(ket);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        // ----------------------------------------------------------------------------------------------- issues

        private List<Issue> openIssues() {
            List<Issue> issues = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Column col = columns.get(c);
                if (!col.confirmed) {
                    issues.add(new Issue("column:" + c, IssueKind.COLUMN, null, c, "columns",
                            "actor column " + (c + 1) + " '" + col.title + "' is not a known actor; it is written as '"
                                    + col.id + "'. Map the title to an actor id (answers: columns), and add a new id to"
                                    + " the actors file"));
                }
            }
            if (name == null || name.isBlank()) {
                issues.add(new Issue("name", IssueKind.NAME, null, 0, "name", "the header has no Nama SOP; give name"));
            }
            for (DraftStep s : steps) {
                List<String> stepActors = stepActors(s);
                if (stepActors.isEmpty()) {
                    issues.add(new Issue("actors:" + s.no, IssueKind.ACTORS, s.no, 0, "actors",
                            "no actor column is marked (□ or ◇); which actor(s) perform the step?"));
                }
                if (s.duration == null) {
                    issues.add(new Issue("waktu:" + s.no, IssueKind.WAKTU, s.no, 0, "duration",
                            "waktu '" + s.waktu + "' is not a time the importer reads (e.g. '15 Menit', '2 Jam',"
                                    + " '3 Hari Kerja', '1 Minggu'); give waktu"));
                }
                if (stepActors.size() > 1 && s.performer == null) {
                    List<String> described = new ArrayList<>();
                    for (int k = 0; k < s.marked.size() && s.explicitActors == null; k++) {
                        described.add(s.marks.get(k) + " " + columns.get(s.marked.get(k)).id);
                    }
                    issues.add(new Issue("performer:" + s.no, IssueKind.PERFORMER, s.no, 0, "performer",
                            "several actors are marked " + (described.isEmpty() ? stepActors : described)
                                    + "; which one performs the step (gets the task)?"));
                }
                if (s.kind == StepKind.decision) {
                    for (int k = 0; k < s.outcomes.size(); k++) {
                        DraftOutcome o = s.outcomes.get(k);
                        if (o.next == null) {
                            issues.add(new Issue("outcome:" + s.no + ":" + k, IssueKind.OUTCOME, s.no, k,
                                    "outcomes[" + k + "].next", "decision '" + s.name + "', outcome '" + o.id + "': "
                                            + (o.reason != null ? o.reason : "where does this outcome lead? Give next")));
                        }
                    }
                } else if (s.next == null && s.end == null) {
                    issues.add(new Issue("next:" + s.no, IssueKind.NEXT, s.no, 0, "next",
                            s.nextReason != null ? s.nextReason : "where does the step lead? Give next or end"));
                }
            }
            return issues;
        }

        // ---------------------------------------------------------------------------------------------- answers

        private void applyAnswers(Map<String, Issue> asked) {
            code = answers.code();
            version = answers.version();
            if (answers.number() != null) {
                number = answers.number();
            }
            if (answers.name() != null) {
                name = answers.name();
            }
            if (answers.approvedBy() != null) {
                approvedBy = answers.approvedBy();
            }
            office = answers.office();
            answers.columns().forEach((title, id) -> {
                boolean found = false;
                for (Column c : columns) {
                    if (TableText.titleKey(c.title).equals(TableText.titleKey(title))) {
                        c.id = id;
                        c.confirmed = true;
                        found = true;
                    }
                }
                if (!found) {
                    notes.add("answers: columns names '" + title + "', which is not an actor column of this table");
                }
            });
            Map<String, Issue> byId = new LinkedHashMap<>();
            asked.values().forEach(i -> byId.put(i.key(), i));
            answers.questions().forEach((id, answer) -> {
                Issue issue = byId.get(id);
                if (issue == null) {
                    notes.add("answers: question " + id + " is not asked by this import (has the table changed?)");
                } else if (!applyAnswer(issue, answer)) {
                    notes.add("answers: " + id + " gives no value for " + issue.field() + "; the question stays open");
                }
            });
            answers.steps().forEach((no, answer) -> {
                DraftStep s = steps.stream().filter(x -> x.no == no).findFirst().orElse(null);
                if (s == null) {
                    notes.add("answers: step " + no + " is not in the table");
                } else {
                    applyStepAnswer(s, answer);
                }
            });
        }

        private boolean applyAnswer(Issue issue, Answers.Answer a) {
            if (issue.kind() == IssueKind.COLUMN) {
                if (a.actor() == null) {
                    return false;
                }
                columns.get(issue.index()).id = a.actor();
                columns.get(issue.index()).confirmed = true;
                return true;
            }
            if (issue.kind() == IssueKind.NAME) {
                return false;
            }
            DraftStep s = steps.stream().filter(x -> x.no == issue.step()).findFirst().orElseThrow();
            switch (issue.kind()) {
                case ACTORS -> {
                    if (a.actors() == null || a.actors().isEmpty()) {
                        return false;
                    }
                    s.explicitActors = List.copyOf(a.actors());
                }
                case WAKTU -> {
                    if (a.waktu() == null) {
                        return false;
                    }
                    s.waktu = a.waktu();
                    s.duration = Waktu.parse(a.waktu()).orElse(null);
                }
                case PERFORMER -> {
                    if (a.performer() == null) {
                        return false;
                    }
                    s.performer = a.performer();
                }
                case NEXT -> {
                    if (a.next() == null && a.end() == null) {
                        return false;
                    }
                    s.next = a.next();
                    s.end = a.next() == null ? a.end() : null;
                }
                case OUTCOME -> {
                    if (a.next() == null) {
                        return false;
                    }
                    DraftOutcome o = s.outcomes.get(issue.index());
                    o.next = a.next();
                    o.id = a.id() != null ? a.id() : o.id;
                    o.label = a.label() != null ? a.label() : o.label;
                    o.awaitApplicant = a.awaitApplicant() != null ? a.awaitApplicant() : o.awaitApplicant;
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void applyStepAnswer(DraftStep s, Answers.StepAnswer a) {
            if (a.actors() != null) {
                s.explicitActors = List.copyOf(a.actors());
            }
            if (a.performer() != null) {
                s.performer = a.performer();
            }
            if (a.waktu() != null) {
                s.waktu = a.waktu();
                s.duration = Waktu.parse(a.waktu()).orElse(null);
            }
            if (a.kind() != null && a.kind() != s.kind) {
                s.kind = a.kind();
                s.outcomes.clear();
                s.next = null;
                s.end = null;
                if (s.kind == StepKind.decision) {
                    for (String id : List.of("yes", "no")) {
                        DraftOutcome o = new DraftOutcome();
                        o.id = id;
                        o.label = id.equals("yes") ? "Ya" : "Tidak";
                        s.outcomes.add(o);
                    }
                }
            }
            if (a.next() != null) {
                s.next = a.next();
                s.end = null;
            } else if (a.end() != null) {
                s.end = a.end();
                s.next = null;
            }
            if (a.integration() != null) {
                s.integration = a.integration();
            }
            if (a.outcomes() != null) {
                for (int k = 0; k < a.outcomes().size(); k++) {
                    Answers.OutcomeAnswer oa = a.outcomes().get(k);
                    if (k == s.outcomes.size()) {
                        s.outcomes.add(new DraftOutcome());
                    }
                    DraftOutcome o = s.outcomes.get(k);
                    o.id = oa.id() != null ? oa.id() : o.id;
                    o.label = oa.label() != null ? oa.label() : o.label;
                    o.next = oa.next() != null ? oa.next() : o.next;
                    o.awaitApplicant = oa.awaitApplicant() != null ? oa.awaitApplicant() : o.awaitApplicant;
                }
            }
        }

        // ----------------------------------------------------------------------------------------------- output

        private List<String> stepActors(DraftStep s) {
            if (s.explicitActors != null) {
                return s.explicitActors;
            }
            return s.marked.stream().map(c -> columns.get(c).id).distinct().toList();
        }

        private String code() {
            if (code != null) {
                return code;
            }
            String slug = TableText.slug(name != null ? name : number != null ? number : "sop");
            return slug.length() > 63 ? slug.substring(0, 63).replaceAll("-+$", "") : slug;
        }

        private String office() {
            if (office != null) {
                return office;
            }
            if (agency == null) {
                return government == null ? null : TableText.titleCase(government);
            }
            String region = government == null ? "" : " " + TableText.titleCase(government.substring("PEMERINTAH ".length()).trim());
            return TableText.titleCase(agency) + region;
        }

        private SopDefinition definition() {
            List<Step> built = new ArrayList<>();
            for (DraftStep s : steps) {
                List<String> stepActors = stepActors(s);
                List<Outcome> outcomes = s.kind == StepKind.decision
                        ? s.outcomes.stream().map(o -> new Outcome(o.id, o.label, o.next, o.awaitApplicant)).toList()
                        : null;
                built.add(new Step(s.no, s.name, stepActors, stepActors.size() > 1 ? s.performer : null, s.kind,
                        s.kelengkapan, s.waktu, s.duration, s.output, s.next, s.end, outcomes,
                        s.integration)); // on a decision the loader refuses it, naming the step: never dropped
            }
            if (code == null) {
                notes.add("code '" + code() + "' is derived from the SOP's name; give code in the answers file to choose another");
            }
            if (version == null) {
                notes.add("version 1 assumed; give version in the answers file for a revised SOP");
            }
            return new SopDefinition(code(), number, name == null ? null : TableText.titleCase(name), office(),
                    approvedBy, version == null ? 1 : version, columns.stream().map(c -> c.id).toList(), List.copyOf(built));
        }

        private String yaml(SopDefinition def, Map<String, Question> open) {
            DefinitionYamlWriter w = new DefinitionYamlWriter();
            w.comment("", "SOP definition: " + TableText.titleCase(def.name()) + " (" + def.office() + ", " + def.number() + ").");
            w.comment("", "");
            w.comment("", "Imported from the office's SOP-AP table by id.pintu.sop.importer.ImportSopCommand. Each step's"
                    + " actors are read from the column its mark stands in; `waktu` is the mutu baku as written,"
                    + " `duration` the same as ISO-8601, where P1D is one WORKING day on the office calendar.");
            for (String section : List.of(SopHeader.LEGAL_BASIS, SopHeader.QUALIFICATIONS, SopHeader.RELATED,
                    SopHeader.EQUIPMENT, SopHeader.WARNINGS, SopHeader.RECORDS)) {
                List<String> items = sections.get(section);
                if (items != null && !items.isEmpty()) {
                    w.comment("", "");
                    w.comment("", section + ":");
                    for (int i = 0; i < items.size(); i++) {
                        w.comment("", "  " + (i + 1) + ". " + items.get(i));
                    }
                }
            }
            if (!notes.isEmpty()) {
                w.comment("", "");
                w.comment("", "Import notes:");
                notes.forEach(n -> w.comment("", "  - " + n));
            }
            if (!open.isEmpty()) {
                w.comment("", "");
                w.comment("", open.size() + " QUESTION(s) below are open: the loader refuses this file until each is"
                        + " answered (in an answers file for the importer, or by editing the value).");
            }
            w.field("", "code", def.code());
            w.field("", "number", def.number());
            Question nameQ = open.get("name");
            if (nameQ != null) {
                w.comment("", "QUESTION " + nameQ.id() + ": " + nameQ.text());
            }
            w.field("", "name", def.name());
            w.field("", "office", def.office());
            w.field("", "approvedBy", def.approvedBy());
            w.raw("", "version", def.version());
            w.comment("", "The table's actor columns, in order (the column a step's mark stands in names its actor).");
            for (int c = 0; c < columns.size(); c++) {
                Question q = open.get("column:" + c);
                if (q != null) {
                    w.comment("", "QUESTION " + q.id() + ": " + q.text());
                }
            }
            w.flowList("", "columns", def.columns());
            w.line("steps:");
            Integer branchEnd = null;
            for (int i = 0; i < steps.size(); i++) {
                DraftStep d = steps.get(i);
                Step s = def.steps().get(i);
                if (d.rejection && (i == 0 || !steps.get(i - 1).rejection)) {
                    int last = i;
                    while (last + 1 < steps.size() && steps.get(last + 1).rejection) {
                        last++;
                    }
                    w.comment("  ", "--- rejection branch (steps " + d.no + "-" + steps.get(last).no + ") ---");
                    branchEnd = last;
                } else if (branchEnd != null && i == branchEnd + 1) {
                    w.comment("  ", "--- after the rejection branch (step " + d.no + " on) ---");
                    branchEnd = null;
                }
                writeStep(w, d, s, open);
            }
            return w.text();
        }

        private void writeStep(DefinitionYamlWriter w, DraftStep d, Step s, Map<String, Question> open) {
            String in = "    ";
            w.raw("  - ", "no", s.no());
            w.field(in, "name", s.name());
            question(w, in, open.get("actors:" + s.no()));
            w.flowList(in, "actors", s.actors());
            Question performer = open.get("performer:" + s.no());
            if (performer != null) {
                question(w, in, performer);
                w.raw(in, "performer", null);
            } else if (s.performer() != null) {
                w.field(in, "performer", s.performer());
            }
            w.raw(in, "kind", s.kind());
            if (s.kelengkapan() != null) {
                w.field(in, "kelengkapan", s.kelengkapan());
            }
            w.field(in, "waktu", s.waktu());
            question(w, in, open.get("waktu:" + s.no()));
            w.raw(in, "duration", s.duration());
            if (s.output() != null) {
                w.field(in, "output", s.output());
            }
            if (d.ket != null) {
                w.comment(in, "Ket: " + d.ket);
            }
            d.comments.forEach(c -> w.comment(in, c));
            if (s.isDecision()) {
                w.line(in + "outcomes:");
                for (int k = 0; k < s.outcomes().size(); k++) {
                    Outcome o = s.outcomes().get(k);
                    w.field(in + "  - ", "id", o.id());
                    w.field(in + "    ", "label", o.label());
                    question(w, in + "    ", open.get("outcome:" + s.no() + ":" + k));
                    w.raw(in + "    ", "next", o.next());
                    if (o.awaitApplicant()) {
                        w.raw(in + "    ", "awaitApplicant", true);
                    }
                }
            } else if (s.end() != null) {
                w.raw(in, "end", s.end());
            } else {
                question(w, in, open.get("next:" + s.no()));
                w.raw(in, "next", s.next());
            }
            if (s.integration() != null) {
                w.raw(in, "integration", s.integration());
            }
        }

        private void question(DefinitionYamlWriter w, String indent, Question q) {
            if (q != null) {
                w.comment(indent, "QUESTION " + q.id() + ": " + q.text());
            }
        }
    }

    private static int indexOf(List<String> row, String title) {
        for (int i = 0; i < row.size(); i++) {
            if (row.get(i).trim().equalsIgnoreCase(title)) {
                return i;
            }
        }
        return -1;
    }

    private static List<Integer> oneBased(List<Integer> positions) {
        return positions.stream().map(p -> p + 1).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
