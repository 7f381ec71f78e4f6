package id.pintu.bench;

import id.pintu.workflow.CaseEvent;
import id.pintu.workflow.TaskMessage;
import java.util.List;
import java.util.function.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeCompletedEvent;
import org.apache.camel.support.EventNotifierSupport;

/**
 * Tells the benchmark the moment a task entered an inbox: an exchange of an {@code inbox-<actor>} route completed,
 * which is after {@code TaskProjection.enterAll} committed the task rows, so the tasks are claimable from then on.
 * Cheaper and more exact than polling the task table. The exchange ends with the tasks' {@code STEP_ENTERED} events
 * as its body (the list the route published).
 */
final class ArrivalNotifier extends EventNotifierSupport {

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
                && x.getIn().getBody() instanceof List<?> events) {
            for (Object entered : events) {
                if (entered instanceof CaseEvent e) {
                    listener.accept(new TaskMessage(e.taskId(), e.applicationId(), e.sopCode(), e.sopVersion(),
                            e.stepNo(), e.actor(), e.taskKind(), null, e.at()));
                }
            }
        }
    }
}
