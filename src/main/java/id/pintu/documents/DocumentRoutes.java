package id.pintu.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.messaging.JmsBatchComponent;
import id.pintu.workflow.CaseEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * Listens to the case events with the feature's own durable shared subscription, in batches acknowledged together;
 * each event's effects commit on their own. A database outage is waited out; an event whose effect keeps failing (a
 * template unreadable) is dead-lettered alone with its reason (see JmsBatchConsumer); a redelivered event finds its
 * effects done and does nothing.
 */
@Component
class DocumentRoutes extends RouteBuilder {

    private final DocumentsProperties properties;
    private final ObjectMapper json;

    DocumentRoutes(DocumentsProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
    }

    @Override
    public void configure() {
        from(properties.eventsUri())
                .routeId("documents-case-events")
                .errorHandler(noErrorHandler())
                .split(method(JmsBatchComponent.class, "messagesOf")).stopOnException()
                    .unmarshal(new JacksonDataFormat(json, CaseEvent.class)).id("documents-read-case-event")
                    .bean("documentProducer", "on").id("documents-produce")
                .end();
    }
}
