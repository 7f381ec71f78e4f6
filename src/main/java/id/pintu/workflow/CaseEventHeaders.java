package id.pintu.workflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

/**
 * Copies a case event's keys into headers, so that listeners can select on them (JMS message selectors). The body,
 * the event's JSON as the outbox holds it, is published as it is.
 */
public class CaseEventHeaders implements Processor {

    public static final String EVENT_TYPE = "PintuEventType";

    private final ObjectMapper json;

    public CaseEventHeaders(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getIn();
        apply(json.readValue(message.getMandatoryBody(String.class), CaseEvent.class), message);
    }

    /** Sets the headers of {@code e} on the message that carries it. */
    public static void apply(CaseEvent e, Message message) {
        message.setHeader(EVENT_TYPE, e.type());
        message.setHeader(WorkflowHeaders.APPLICATION_ID, e.applicationId());
        message.setHeader(WorkflowHeaders.TRACKING_CODE, e.trackingCode());
        message.setHeader(WorkflowHeaders.SOP_CODE, e.sopCode());
        message.setHeader(WorkflowHeaders.STEP, e.stepNo());
        message.setHeader(WorkflowHeaders.ACTOR, e.actor());
        message.setHeader(WorkflowHeaders.OUTCOME, e.outcome());
    }
}
