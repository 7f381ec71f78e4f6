package id.pintu.messaging;

import jakarta.jms.Destination;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

/**
 * A session whose producers are made once per destination and kept until the session closes. Spring's
 * {@code JmsTemplate} makes a producer for every send and closes it after; on Artemis each of those registers a
 * producer on the broker and removes it again. Boot's caching connection factory keeps them for the sessions it hands
 * out; this does the same for a session that {@link JmsBatchConsumer} opened itself and lends to the route's
 * producers ({@code joinTransaction}). Used by one thread at a time, as a JMS session is.
 */
final class ProducerKeepingSession implements InvocationHandler {

    private final Session session;
    private final Map<Destination, MessageProducer> producers = new HashMap<>();

    private ProducerKeepingSession(Session session) {
        this.session = session;
    }

    static Session around(Session session) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                new ProducerKeepingSession(session));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("createProducer") && args != null && args.length == 1
                && args[0] instanceof Destination destination) {
            MessageProducer producer = producers.get(destination);
            if (producer == null) {
                producer = session.createProducer(destination);
                producers.put(destination, producer);
            }
            return kept(producer);
        }
        if (method.getName().equals("close")) {
            producers.clear();
        }
        return call(session, method, args);
    }

    /** The producer, whose {@code close} leaves it open for the next send (the session's close closes it). */
    private static MessageProducer kept(MessageProducer producer) {
        return (MessageProducer) Proxy.newProxyInstance(MessageProducer.class.getClassLoader(),
                new Class<?>[] {MessageProducer.class},
                (proxy, method, args) -> method.getName().equals("close") && (args == null || args.length == 0)
                        ? null : call(producer, method, args));
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
