package id.pintu.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.workflow.CaseEvent;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.jackson.JacksonDataFormat;
import org.springframework.stereotype.Component;

/**
 * Listens to the case events with the feature's own durable shared subscription. The JMS session is transacted:
 * an effect that fails (database down, a template unreadable) is rolled back and the event redelivered.
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
                .unmarshal(new JacksonDataFormat(json, CaseEvent.class)).id("documents-read-case-event")
                .bean("documentProducer", "on").id("documents-produce");
    }
}
