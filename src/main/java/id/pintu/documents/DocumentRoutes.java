package id.pintu.documents;

import id.pintu.messaging.JmsBatchComponent;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Listens to the case events with the feature's own durable shared subscription, in batches acknowledged together;
 * a batch's documents commit together (DocumentProducer#onBatch). A database outage is waited out; a batch that
 * fails is handled again message by message, and an event whose effect keeps failing (a template unreadable) is
 * dead-lettered alone with its reason (see JmsBatchConsumer); a redelivered event finds its effects done and does
 * nothing.
 */
@Component
class DocumentRoutes extends RouteBuilder {

    private final DocumentsProperties properties;

    DocumentRoutes(DocumentsProperties properties) {
        this.properties = properties;
    }

    @Override
    public void configure() {
        from(properties.eventsUri())
                .routeId("documents-case-events")
                // The consumer retries, splits a failed batch and dead-letters (JmsBatchConsumer): an error handler
                // here would see the whole batch.
                .errorHandler(noErrorHandler())
                .transform(method(JmsBatchComponent.class, "messagesOf")).id("documents-read-case-events")
                .bean("documentProducer", "onBatch").id("documents-produce");
    }
}
