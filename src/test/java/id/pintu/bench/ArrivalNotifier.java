package id.pintu.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.TaskMessage;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Tells the benchmark the moment a task entered an inbox: an exchange of an {@code inbox-<actor>} route completed,
 * which is after {@code TaskProjection.enter} committed the task row, so the task is claimable from then on. Cheaper
 * and more exact than polling the task table. The exchange ends with the task's {@code STEP_ENTERED} event as its
 * body (the JSON the route published); an exchange without one entered nothing new.
 */
final class ArrivalNotifier extends EventNotifierSupport {

    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    private volatile Consumer<TaskMessage> listener = m -> { };

    ArrivalNotifier() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeFailedEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
    }

    void listen(Consumer<TaskMessage> l) {
        listener = l;
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof ExchangeCompletedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange x = ((ExchangeCompletedEvent) event).getExchange();
        String route = x.getFromRouteId();
        if (route != null && route.startsWith("inbox-") && !x.isFailed()
                && x.getIn().getBody() instanceof String body) {
            try {
                CaseEvent e = json.readValue(body, CaseEvent.class);
                listener.accept(new TaskMessage(e.taskId(), e.applicationId(), e.sopCode(), e.sopVersion(),
                        e.stepNo(), e.actor(), e.taskKind(), null, e.at()));
            } catch (java.io.IOException e) {
                throw new IllegalStateException("not a case event at the end of " + route + ": " + body, e);
            }
        }
    }
}
