package id.pintu.sla;

import org.apache.camel.Message;

/** Sets the routing and JMS headers of an escalation message from its content. */
public class EscalationHeaders {

    public void apply(Escalation e, Message m) {
        m.setHeader(SlaHeaders.LEVEL, e.level());
        m.setHeader(SlaHeaders.QUEUE, e.queue());
        m.setHeader(SlaHeaders.TASK_ID, e.taskId());
        m.setHeader(SlaHeaders.ACTOR, e.actor());
        m.setHeader(SlaHeaders.NOTIFIED_ACTOR, e.notifiedActor());
        m.setHeader(id.pintu.workflow.WorkflowHeaders.APPLICATION_ID, e.applicationId());
        m.setHeader(SlaHeaders.BROKER_DUPLICATE_ID, e.id());
    }
}
