package id.pintu.web;

import id.pintu.security.Callers;
import id.pintu.sla.SupervisorActions;
import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.Caller;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowProperties;
import id.pintu.workflow.WorkflowService;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * What a logged-in staff member may see, decided by the workflow's own rule ({@link WorkflowService#mayActAs}), so
 * the pages show exactly the inboxes whose tasks the user could complete through the API.
 */
@Component
class StaffAccess {

    private final WorkflowService workflow;
    private final SopCatalog catalog;
    private final WebProperties properties;
    private final WorkflowProperties workflowProperties;
    private final SupervisorActions supervisors;

    StaffAccess(WorkflowService workflow, SopCatalog catalog, WebProperties properties,
            WorkflowProperties workflowProperties, SupervisorActions supervisors) {
        this.workflow = workflow;
        this.catalog = catalog;
        this.properties = properties;
        this.workflowProperties = workflowProperties;
        this.supervisors = supervisors;
    }

    Caller caller(Authentication auth) {
        return Callers.of(auth);
    }

    /** The actors whose inboxes this user works (own roles, plus the applicant's when acting for applicants). */
    List<Actor> inboxes(Authentication auth) {
        Caller caller = caller(auth);
        return catalog.actors().values().stream().filter(a -> workflow.mayActAs(caller, a.id())).toList();
    }

    Actor requireInbox(Authentication auth, String actor) {
        Actor a = catalog.actors().get(actor);
        if (a == null) {
            throw WorkflowException.notFound("no actor " + actor);
        }
        if (!mayActAs(auth, actor)) {
            throw WorkflowException.forbidden(auth.getName() + " does not hold the role " + actor);
        }
        return a;
    }

    boolean mayRegisterWalkIns(Authentication auth) {
        return caller(auth).holds(workflowProperties.applicantDelegate());
    }

    /** The review queue of input that made no case: the front office works it, admins look too. */
    boolean mayReviewIntake(Authentication auth) {
        return mayRegisterWalkIns(auth)
                || Callers.admin(auth);
    }

    /** Answering applicants' emails (or marking them handled): the front office, who answer applicants, and admins. */
    boolean mayAnswerApplicants(Authentication auth) {
        return mayReviewIntake(auth);
    }

    boolean maySeeDashboard(Authentication auth) {
        Caller caller = caller(auth);
        return properties.dashboardActors().stream().anyMatch(caller::holds)
                || Callers.admin(auth);
    }

    /**
     * Looking cases up (the case search and the case page): the front office, who answer applicants; the head of
     * office's dashboard roles and admins; and the supervisors, who answer for the steps of the actors below them.
     */
    boolean mayLookUpCases(Authentication auth) {
        return mayRegisterWalkIns(auth) || maySeeDashboard(auth) || supervisors.supervisesAnyone(caller(auth));
    }

    /** Whether this user may release or reassign a task of the actor (supervision chain). */
    boolean supervises(Authentication auth, String actor) {
        return supervisors.supervises(caller(auth), actor);
    }

    /** Whether this user works the actor's inbox, so may open its tasks. */
    boolean mayActAs(Authentication auth, String actor) {
        return workflow.mayActAs(caller(auth), actor);
    }

    String actorName(String actor) {
        return catalog.actorName(actor);
    }
}
