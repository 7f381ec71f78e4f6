package id.pintu.sla;

import id.pintu.security.ActingOfficials;

/**
 * Who is told of a breach of a task of some actor: the nearest actor up the supervision chain whose role someone
 * present holds today, other than those who hold the late role themselves. The supervisor alone was told whether or
 * not anyone held the role: a kabid on leave with no Plh got the breach in a mailbox no one read, and a sekretaris
 * acting as Plh kadis was told of their own lateness. Where no one up the chain qualifies, the supervisor as before.
 */
public class BreachRecipient {

    private final Supervision supervision;
    private final ActingOfficials acting;

    /** @param acting who holds which role today; null: the supervisor always (no staff to ask) */
    public BreachRecipient(Supervision supervision, ActingOfficials acting) {
        this.supervision = supervision;
        this.acting = acting;
    }

    public String of(String actor) {
        if (acting != null) {
            for (String above : supervision.chainAbove(actor)) {
                if (!above.equals(actor) && acting.heldTodayApartFrom(above, actor)) {
                    return above;
                }
            }
        }
        return supervision.supervisorOf(actor);
    }
}
