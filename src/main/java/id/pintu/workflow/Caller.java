package id.pintu.workflow;

import java.util.Set;

/**
 * Who asks the workflow to act: a staff user holding actor roles, or the applicant of one case proven by that
 * case's secret token.
 */
public record Caller(String name, Set<String> actors, String applicantOfCase) {

    public static Caller staff(String username, Set<String> actors) {
        return new Caller(username, Set.copyOf(actors), null);
    }

    public static Caller applicant(String applicationId, String email) {
        return new Caller(email, Set.of(), applicationId);
    }

    public boolean holds(String actor) {
        return actors.contains(actor);
    }

    public boolean isApplicant() {
        return applicantOfCase != null;
    }
}
