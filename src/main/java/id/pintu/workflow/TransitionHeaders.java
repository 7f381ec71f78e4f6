package id.pintu.workflow;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * Lifts a transition's fields into headers so that the routes can route on them, and keeps the transition and its
 * case event as exchange properties (not headers: headers travel with the next task's message).
 */
public class TransitionHeaders {

    /** Exchange property: the transition being routed. */
    public static final String TRANSITION = "PintuTransition";
    /** Exchange property: its case event, to be published with it; absent when it has none. */
    public static final String EVENT = "PintuCaseEvent";

    public void apply(Transition t, Exchange exchange) {
        Message message = exchange.getIn();
        message.setHeader(WorkflowHeaders.APPLICATION_ID, t.applicationId());
        message.setHeader(WorkflowHeaders.SOP_CODE, t.sopCode());
        message.setHeader(WorkflowHeaders.SOP_VERSION, t.sopVersion());
        message.setHeader(WorkflowHeaders.STEP, t.stepNo());
        message.setHeader(WorkflowHeaders.TASK_KIND, t.kind().name());
        message.setHeader(WorkflowHeaders.OUTCOME, t.outcome());
        message.setHeader(WorkflowHeaders.RESUME_STEP, t.resumeStep());
        message.setHeader(WorkflowHeaders.START_STEP, t.startStep());
        exchange.setProperty(TRANSITION, t);
        if (t.event() != null) {
            exchange.setProperty(EVENT, t.event());
        }
    }
}
