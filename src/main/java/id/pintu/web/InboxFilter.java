package id.pintu.web;

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

    /**
     * The SQL order of the chosen sort, every key in the chosen direction; ties by entry and id, so that the order is
     * the same on every reading (the page is read in slices when the colour filter leaves rows out).
     */
    String orderBy() {
        String d = "desc".equals(dir) ? " DESC" : "";
        String key = switch (sort) {
            case "due" -> "t.due_at" + d + ", ";
            case "step" -> "t.step_no" + d + ", ";
            case "company" -> "LOWER(COALESCE(a.company_name, ''))" + d + ", ";
            default -> "";
        };
        return key + "t.entered_at" + d + ", t.id" + d;
    }
}
