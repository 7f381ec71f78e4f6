package id.pintu.audit;

/**
 * Checks entries in sequence order, one at a time (so a long chain is verified without holding it in memory): each
 * must follow the previous one's number, carry its hash as {@code prevHash}, and have the hash its own content
 * gives. The first entry that does not is named; everything after it is unverifiable.
 */
public final class ChainVerifier {

    /**
     * The outcome.
     *
     * @param ok whether the whole chain, including its head, is intact
     * @param entries how many entries were checked
     * @param brokenSeq the first broken entry's number (null when ok)
     * @param problem what is wrong with it
     */
    public record Result(boolean ok, long entries, Long brokenSeq, String problem) {}

    private long expectedSeq = 1;
    private String expectedPrev = AuditEntry.GENESIS;
    private long checked;
    private Long brokenSeq;
    private String problem;

    /** Feeds the next entry; returns false once the chain is broken (further entries are ignored). */
    public boolean accept(AuditEntry e) {
        if (brokenSeq != null) {
            return false;
        }
        checked++;
        if (e.seq() != expectedSeq) {
            return broken(expectedSeq, "entry " + expectedSeq + " is missing (next entry found: " + e.seq() + ")");
        }
        if (!expectedPrev.equals(e.prevHash())) {
            return broken(e.seq(), "prev_hash does not match the hash of entry " + (e.seq() - 1));
        }
        if (!e.computeHash().equals(e.hash())) {
            return broken(e.seq(), "content does not match its hash (the entry was altered)");
        }
        expectedSeq = e.seq() + 1;
        expectedPrev = e.hash();
        return true;
    }

    /** Compares the end of the chain with the head, which catches entries removed from the end. */
    public Result finish(long headSeq, String headHash) {
        if (brokenSeq == null && (headSeq != expectedSeq - 1 || !headHash.equals(expectedPrev))) {
            broken(expectedSeq - 1 == headSeq ? headSeq : Math.min(expectedSeq, headSeq),
                    "the chain ends at entry " + (expectedSeq - 1) + " but the head records entry " + headSeq);
        }
        return new Result(brokenSeq == null, checked, brokenSeq, problem);
    }

    private boolean broken(long seq, String why) {
        brokenSeq = seq;
        problem = why;
        return false;
    }
}
