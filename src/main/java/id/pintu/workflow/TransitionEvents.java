package id.pintu.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.springframework.stereotype.Component;

/**
 * A transition whose routing failed (the permit's hand-over waits for its number, OSS is away): its case event goes
 * out alone all the same, since a feature may make what the transition waits for when it sees the completion, and
 * the outbox row keeps the transition only, so that its next tries do not publish the event again.
 */
@Component("transitionEvents")
public class TransitionEvents {

    private final OutboxRepository outbox;
    private final ObjectMapper json;

    public TransitionEvents(OutboxRepository outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    /** The event of the transition in outbox row {@code outboxId} is published: the row keeps the transition only. */
    public void publishedAlone(@Header(OutboxRelay.OUTBOX_ID) String outboxId,
            @ExchangeProperty(TransitionHeaders.TRANSITION) Transition transition) throws JsonProcessingException {
        if (outboxId != null) {
            outbox.replacePayload(outboxId, json.writeValueAsString(transition.withoutEvent()));
        }
    }

    /** Fails the exchange again with what failed the transition, for the relay's retry and log line. */
    public void failAgain(@ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception caught) throws Exception {
        throw caught;
    }
}
