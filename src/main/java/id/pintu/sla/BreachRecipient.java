package id.pintu.sla;

import id.pintu.security.ActingOfficials;

/**
 * Who is told of a breach of a task of some actor: the nearest actor up the supervision chain whose role someone
 * present holds today, someone other than the clerk holding the late task. The supervisor alone was told whether or
 * not anyone held the role: a kabid on leave with no Plh got the breach in a mailbox no one read, and a sekretaris
 * acting as Plh kadis could be told of their own late task. Where no one up the chain qualifies, the supervisor.
 */
public class BreachRecipient {

    private final Supervision supervision;
    private final ActingOfficials acting;

    /** @param acting who holds which role today; null: the supervisor always (no staff to ask) */
    public BreachRecipient(Supervision supervision, ActingOfficials acting) {
        this.supervision = supervision;
        this.acting = acting;
    }

    /** @param holder the clerk holding the late task, or null while no one has taken it */
    public String of(String actor, String holder) {
        if (acting != null) {
            for (String above : supervision.chainAbove(actor)) {
                if (!above.equals(actor) && acting.heldTodayBySomeoneBut(above, holder)) {
                    return above;
                }
            }
        }
        return supervision.supervisorOf(actor);
    }
}
