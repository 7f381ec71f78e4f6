package id.pintu.workflow;

import org.apache.camel.Message;

/** Lifts a transition's fields into headers so that the routes can route on them. */
public class TransitionHeaders {

    public void apply(Transition t, Message message) {
        message.setHeader(WorkflowHeaders.APPLICATION_ID, t.applicationId());
        message.setHeader(WorkflowHeaders.SOP_CODE, t.sopCode());
        message.setHeader(WorkflowHeaders.SOP_VERSION, t.sopVersion());
        message.setHeader(WorkflowHeaders.STEP, t.stepNo());
        message.setHeader(WorkflowHeaders.TASK_KIND, t.kind().name());
        message.setHeader(WorkflowHeaders.OUTCOME, t.outcome());
        message.setHeader(WorkflowHeaders.RESUME_STEP, t.resumeStep());
        message.setHeader(WorkflowHeaders.START_STEP, t.startStep());
    }
}
