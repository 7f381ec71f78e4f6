package id.pintu.workflow;

import org.apache.camel.Message;

/** Copies a case event's keys into headers, so that listeners can select on them (JMS message selectors). */
public class CaseEventHeaders {

    public static final String EVENT_TYPE = "PintuEventType";

    public void apply(CaseEvent e, Message message) {
        message.setHeader(EVENT_TYPE, e.type());
        message.setHeader(WorkflowHeaders.APPLICATION_ID, e.applicationId());
        message.setHeader(WorkflowHeaders.TRACKING_CODE, e.trackingCode());
        message.setHeader(WorkflowHeaders.SOP_CODE, e.sopCode());
        message.setHeader(WorkflowHeaders.STEP, e.stepNo());
        message.setHeader(WorkflowHeaders.ACTOR, e.actor());
        message.setHeader(WorkflowHeaders.OUTCOME, e.outcome());
    }
}
