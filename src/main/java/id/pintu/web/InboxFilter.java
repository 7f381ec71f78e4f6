package id.pintu.web;

import java.util.Comparator;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What an inbox page shows, from its query parameters. Unknown values fall back to the defaults, so a hand-edited
 * URL still shows an inbox.
 *
 * @param q text searched in tracking code, company and applicant
 * @param step only this step
 * @param state only this colour
 * @param holder {@code mine}, {@code free} (unclaimed) or empty for all
 * @param sort {@code entered}, {@code due}, {@code step} or {@code company}
 * @param dir {@code asc} or {@code desc}
 * @param sop only tasks of cases of this SOP (one actor's inbox serves every SOP)
 */
public record InboxFilter(String q, Integer step, SlaState state, String holder, String sort, String dir, String sop) {

    public static InboxFilter of(String q, Integer step, String state, String holder, String sort, String dir,
            String sop) {
        SlaState s = null;
        if (state != null && !state.isBlank()) {
            for (SlaState candidate : SlaState.values()) {
                if (candidate.css().equals(state) || candidate.name().equals(state)) {
                    s = candidate;
                }
            }
        }
        String h = "mine".equals(holder) || "free".equals(holder) ? holder : "";
        String so = switch (sort == null ? "" : sort) {
            case "due", "step", "company" -> sort;
            default -> "entered";
        };
        String d = "desc".equals(dir) ? "desc" : "asc";
        return new InboxFilter(q == null || q.isBlank() ? null : q.strip(), step, s, h, so, d,
                sop == null || sop.isBlank() ? null : sop.strip());
    }

    public String stateCss() {
        return state == null ? "" : state.css();
    }

    Predicate<InboxRow> matcher(String username) {
        String needle = q == null ? null : q.toLowerCase(Locale.ROOT);
        return r -> (needle == null || contains(r.trackingCode(), needle) || contains(r.companyName(), needle)
                        || contains(r.applicantName(), needle))
                && (step == null || r.stepNo() == step)
                && (state == null || r.state() == state)
                && (!"mine".equals(holder) || username.equals(r.claimedBy()))
                && (!"free".equals(holder) || r.claimedBy() == null)
                && (sop == null || sop.equals(r.sopCode()));
    }

    Comparator<InboxRow> order() {
        Comparator<InboxRow> c = switch (sort) {
            case "due" -> Comparator.comparing(InboxRow::dueAt);
            case "step" -> Comparator.comparingInt(InboxRow::stepNo);
            case "company" -> Comparator.comparing(r -> r.companyName() == null ? "" : r.companyName().toLowerCase(Locale.ROOT));
            default -> Comparator.comparing(InboxRow::enteredAt);
        };
        c = c.thenComparing(InboxRow::enteredAt).thenComparing(InboxRow::taskId);
        return "desc".equals(dir) ? c.reversed() : c;
    }

    private static boolean contains(String value, String needle) {
        return value != null && value.toLowerCase(Locale.ROOT).contains(needle);
    }
}
