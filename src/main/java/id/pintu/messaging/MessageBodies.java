package id.pintu.messaging;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;

/**
 * A JMS message's body as the hub's consumers and dead-letter tools need it: Camel sends a marshalled body (a task,
 * an OSS request) as bytes, other producers as text; a copy keeps the kind it came as.
 */
public final class MessageBodies {

    private MessageBodies() {}

    /** A text message's text, or a bytes message's bytes as UTF-8; null for any other kind of message. */
    public static String text(Message m) throws JMSException {
        if (m instanceof TextMessage text) {
            return text.getText();
        }
        return m instanceof BytesMessage bytes ? new String(bytes(bytes), StandardCharsets.UTF_8) : null;
    }

    /** The message's body as it came (text or bytes), in a new message of {@code session} without its properties. */
    public static Message copy(Session session, Message message) throws JMSException {
        if (message instanceof BytesMessage bytes) {
            BytesMessage copy = session.createBytesMessage();
            copy.writeBytes(bytes(bytes));
            return copy;
        }
        return session.createTextMessage(message instanceof TextMessage t ? t.getText() : null);
    }

    /** The whole body, however often it was read before. */
    private static byte[] bytes(BytesMessage m) throws JMSException {
        m.reset();
        byte[] content = new byte[(int) m.getBodyLength()];
        m.readBytes(content);
        return content;
    }
}
