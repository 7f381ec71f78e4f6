package id.pintu.web;

import id.pintu.workflow.WorkflowProperties;
import java.util.Collections;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * Messages still waiting on an actor's queue (not yet taken into the inbox), by browsing it. Normally 0: a
 * growing number means the inbox consumers are stopped or failing, which is what the head of office should see.
 */
@Component
class QueueDepths {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDepths.class);

    private final ObjectProvider<JmsTemplate> jms;
    private final WorkflowProperties workflow;

    QueueDepths(ObjectProvider<JmsTemplate> jms, WorkflowProperties workflow) {
        this.jms = jms;
        this.workflow = workflow;
    }

    /** Empty when the broker cannot be asked (the page then shows a dash instead of a wrong number). */
    OptionalLong waiting(String actor) {
        JmsTemplate template = jms.getIfAvailable();
        if (template == null) {
            return OptionalLong.empty();
        }
        try {
            Long n = template.browse(workflow.queueOf(actor),
                    (session, browser) -> (long) Collections.list(browser.getEnumeration()).size());
            return n == null ? OptionalLong.empty() : OptionalLong.of(n);
        } catch (RuntimeException e) {
            LOG.debug("Queue of {} not browsable: {}", actor, e.getMessage());
            return OptionalLong.empty();
        }
    }
}
