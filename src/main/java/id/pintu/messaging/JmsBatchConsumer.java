package id.pintu.messaging;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.JmsResourceHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads a durable shared subscription or a queue on {@code consumers} threads (default one), each in a transacted
 * session of its own: a thread waits for a message, takes what else is already waiting (up to {@code maxBatch}),
 * hands the texts (a bytes message's as UTF-8) to the route as one exchange and commits its session when the route
 * has finished. Under load a batch holds what arrived while the last one was handled; at rest it is one message, so
 * nothing waits for a batch to fill. With more than one thread the broker spreads the messages over them (the
 * subscription's queue has one consumer per thread), so messages are handled out of publish order: only for routes
 * whose effects do not depend on it. With {@code joinTransaction} what the route sends with {@code jms} is in the
 * same session, so it commits with the acknowledgement.
 *
 * <p>Failures, in the spirit of {@link QueueErrorHandling}, whose route configuration a batch cannot use (it would
 * dead-letter the whole list):
 * <ul>
 *   <li>the database away: the same batch is tried again with back-off (0.5 s doubling to 30 s) for as long as it
 *       takes; nothing is acknowledged meanwhile;</li>
 *   <li>any other failure of a batch: its messages are handled one by one, each in a transaction of the route's
 *       own, so one bad message does not hold back the others (with {@code joinTransaction}, what the failed run sent
 *       stays in the session and the messages' own runs send it again: a route that joins sends what is safe to
 *       repeat, such as events with ids the listeners dedupe);</li>
 *   <li>a single message that still fails after {@code pintu.messaging.local-retries} more tries goes to the
 *       dead-letter queue with its reason, the route and the subscription it came from (so IT can re-drive it), in
 *       the same JMS transaction that acknowledges it.</li>
 * </ul>
 * A hub stopping mid-batch rolls the session back: the broker delivers the batch again, and the route's beans skip
 * what they already did (every consumer is idempotent on the event id). A thread waiting for a message when the
 * hub stops is woken at once (its consumer is closed, which JMS allows from another thread), so stopping does not
 * wait out the receive wait of every subscription, one route after another.
 */
class JmsBatchConsumer extends DefaultConsumer {

    /** The number of messages in the exchange's body. */
    static final String BATCH_SIZE = "PintuBatchSize";

    private static final Logger LOG = LoggerFactory.getLogger(JmsBatchConsumer.class);
    private static final Logger DEAD_LETTERS = LoggerFactory.getLogger("pintu.dead-letter");
    private static final long RECEIVE_WAIT_MS = 1000;
    private static final long FIRST_BACK_OFF_MS = 500;
    private static final long MAX_BACK_OFF_MS = 30_000;
    private static final long STOP_WAIT_MS = 60_000;

    private enum Outcome { DONE, FAILED, STOPPING }

    private record Attempt(Outcome outcome, Exception error) {}

    private final JmsBatchEndpoint endpoint;
    private final Object pause = new Object();
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    /** The consumers whose thread is waiting in {@code receive}; guarded by itself. */
    private final Set<MessageConsumer> receiving = new HashSet<>();

    JmsBatchConsumer(JmsBatchEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        running = true;
        for (int i = 1; i <= endpoint.consumers; i++) {
            Thread thread = new Thread(this::receiveLoop, "jms-batch-" + endpoint.source()
                    + (endpoint.consumers == 1 ? "" : "-" + i));
            threads.add(thread);
            thread.start();
        }
    }

    @Override
    protected void doStop() throws Exception {
        running = false;
        synchronized (pause) {
            pause.notifyAll();
        }
        wakeReceivers();
        long deadline = System.nanoTime() + STOP_WAIT_MS * 1_000_000;
        for (Thread thread : threads) {
            // Not interrupted: an interrupt inside a database write can close H2's file channel.
            thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            if (thread.isAlive()) {
                LOG.warn("{}: the batch in hand did not finish within {} ms; the broker delivers it again",
                        thread.getName(), STOP_WAIT_MS);
            }
        }
        threads.clear();
        super.doStop();
    }

    private void receiveLoop() {
        long backOff = FIRST_BACK_OFF_MS;
        while (running) {
            try (Connection connection = endpoint.connections.createConnection()) {
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                BatchSession batchSession = new BatchSession(session, endpoint.joinedProducers == null ? null
                        : new JmsResourceHolder(endpoint.joinedProducers, connection,
                                ProducerKeepingSession.around(session)));
                MessageConsumer consumer = endpoint.queue
                        ? session.createConsumer(session.createQueue(endpoint.destination), endpoint.selector)
                        : session.createSharedDurableConsumer(session.createTopic(endpoint.destination),
                                endpoint.subscription, endpoint.selector);
                connection.start();
                backOff = FIRST_BACK_OFF_MS;
                while (running) {
                    Message first = receive(consumer);
                    if (first == null) {
                        continue;
                    }
                    List<Message> batch = new ArrayList<>();
                    batch.add(first);
                    while (batch.size() < endpoint.maxBatch) {
                        Message next = consumer.receiveNoWait();
                        if (next == null) {
                            break;
                        }
                        batch.add(next);
                    }
                    endpoint.batches.record(batch.size());
                    if (handle(batchSession, batch)) {
                        session.commit();
                    } else {
                        session.rollback();
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    LOG.warn("{}: {}: {}; subscribing again in {} ms", endpoint.source(),
                            e.getClass().getSimpleName(), e.getMessage(), backOff);
                    pause(backOff);
                    backOff = Math.min(backOff * 2, MAX_BACK_OFF_MS);
                }
            }
        }
    }

    /**
     * Waits up to {@link #RECEIVE_WAIT_MS} for a message; null when none came or the hub is stopping. A message
     * received just as the hub stops is rolled back with the session when the loop ends (the broker delivers it
     * again).
     */
    private Message receive(MessageConsumer consumer) throws JMSException {
        synchronized (receiving) {
            if (!running) {
                return null;
            }
            receiving.add(consumer);
        }
        try {
            return consumer.receive(RECEIVE_WAIT_MS);
        } finally {
            synchronized (receiving) {
                receiving.remove(consumer);
            }
        }
    }

    /** Called after {@code running} is false, so no thread starts a new wait. */
    private void wakeReceivers() {
        List<MessageConsumer> waiting;
        synchronized (receiving) {
            waiting = List.copyOf(receiving);
        }
        // Closed outside the lock: close() returns once the receive has, and that thread then takes the lock.
        for (MessageConsumer consumer : waiting) {
            try {
                consumer.close();
            } catch (JMSException | RuntimeException e) {
                LOG.debug("{}: closing a waiting consumer on stop: {}", endpoint.source(), e.toString());
            }
        }
    }

    /** True when the session is to be committed, false when the hub is stopping and it is to be rolled back. */
    private boolean handle(BatchSession batchSession, List<Message> batch) throws JMSException {
        Attempt attempt = attempt(batch, batchSession);
        if (attempt.outcome() != Outcome.FAILED) {
            return attempt.outcome() == Outcome.DONE;
        }
        if (batch.size() == 1) {
            return handleAlone(batchSession, batch.get(0), attempt.error());
        }
        LOG.warn("{}: a batch of {} failed ({}); handling its messages one by one", getRouteId(), batch.size(),
                describe(attempt.error()));
        for (Message message : batch) {
            Attempt alone = attempt(List.of(message), batchSession);
            if (alone.outcome() == Outcome.STOPPING
                    || alone.outcome() == Outcome.FAILED && !handleAlone(batchSession, message, alone.error())) {
                return false;
            }
        }
        return true;
    }

    /** Local retries of a message that failed on its own, then the dead-letter queue. */
    private boolean handleAlone(BatchSession batchSession, Message message, Exception firstError) throws JMSException {
        Exception error = firstError;
        for (int retry = 1; retry <= endpoint.properties.localRetries(); retry++) {
            LOG.warn("{}: message {} failed ({}); try {} of {}", getRouteId(), message.getJMSMessageID(),
                    describe(error), retry, endpoint.properties.localRetries());
            pause(200);
            Attempt again = attempt(List.of(message), batchSession);
            if (again.outcome() != Outcome.FAILED) {
                return again.outcome() == Outcome.DONE;
            }
            error = again.error();
        }
        deadLetter(batchSession.session(), message, error);
        return true;
    }

    /** Runs the route on the messages, waiting out a database outage. */
    private Attempt attempt(List<Message> messages, BatchSession batchSession) {
        long backOff = FIRST_BACK_OFF_MS;
        while (true) {
            Exchange exchange = createExchange(false);
            Exception error;
            try {
                List<String> bodies = new ArrayList<>(messages.size());
                for (Message m : messages) {
                    bodies.add(textOf(m));
                }
                exchange.getMessage().setBody(bodies);
                exchange.getMessage().setHeader(BATCH_SIZE, bodies.size());
                process(exchange, batchSession);
                error = exchange.getException();
            } catch (Exception e) {
                error = e;
            } finally {
                releaseExchange(exchange, false);
            }
            if (error == null) {
                return new Attempt(Outcome.DONE, null);
            }
            if (!databaseAway(error)) {
                return new Attempt(Outcome.FAILED, unwrap(error));
            }
            if (!running) {
                return new Attempt(Outcome.STOPPING, error);
            }
            LOG.warn("{}: the database is away ({}); trying the {} message(s) again in {} ms", getRouteId(),
                    describe(error), messages.size(), backOff);
            pause(backOff);
            backOff = Math.min(backOff * 2, MAX_BACK_OFF_MS);
            if (!running) {
                return new Attempt(Outcome.STOPPING, error);
            }
        }
    }

    /**
     * Runs the route; with {@code joinTransaction} the batch's session is bound to the thread for its run, under the
     * connection factory of the {@code jms} component, so the route's {@code jms} producers send in it (Spring's
     * {@code JmsTemplate} takes a session bound there, as it does inside a {@code JmsTransactionManager}'s
     * transaction, and leaves the commit to its owner).
     */
    private void process(Exchange exchange, BatchSession batchSession) throws Exception {
        if (batchSession.forProducers() == null) {
            getProcessor().process(exchange);
            return;
        }
        TransactionSynchronizationManager.bindResource(endpoint.joinedProducers, batchSession.forProducers());
        try {
            getProcessor().process(exchange);
        } finally {
            TransactionSynchronizationManager.unbindResource(endpoint.joinedProducers);
        }
    }

    /**
     * A thread's transacted session; {@code forProducers}, with {@code joinTransaction}, the same session as the
     * route's producers get it (bound to the thread for each run of the route), else null.
     */
    private record BatchSession(Session session, JmsResourceHolder forProducers) {}

    /** The body as text, however it came (Camel sends a marshalled body as bytes). */
    private static String textOf(Message m) throws JMSException {
        String text = MessageBodies.text(m);
        if (text == null && !(m instanceof TextMessage)) {
            throw new IllegalArgumentException("neither a text nor a bytes message: " + m.getClass().getSimpleName());
        }
        return text;
    }

    private void deadLetter(Session session, Message message, Exception error) throws JMSException {
        Message copy = MessageBodies.copy(session, message);
        for (Enumeration<?> names = message.getPropertyNames(); names.hasMoreElements(); ) {
            String name = (String) names.nextElement();
            if (!name.startsWith("JMSX") && !name.startsWith("_AMQ")) {
                copy.setObjectProperty(name, message.getObjectProperty(name));
            }
        }
        String reason = describe(error);
        copy.setStringProperty(MessagingHeaders.DEAD_LETTER_REASON, reason);
        copy.setStringProperty(MessagingHeaders.DEAD_LETTER_ROUTE, getRouteId());
        copy.setStringProperty(MessagingHeaders.ORIGINAL_DESTINATION, endpoint.jmsUri());
        try (MessageProducer producer = session.createProducer(
                session.createQueue(endpoint.properties.deadLetterQueue()))) {
            producer.send(copy);
        }
        DEAD_LETTERS.error("Dead-lettered from {}: {}", getRouteId(), reason);
    }

    private void pause(long millis) {
        synchronized (pause) {
            if (running) {
                try {
                    pause.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
        }
    }

    static boolean databaseAway(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<? extends Throwable> away : QueueErrorHandling.DATABASE_AWAY) {
                if (away.isInstance(t)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Exception unwrap(Exception error) {
        return error instanceof RuntimeCamelException && error.getCause() instanceof Exception cause ? cause : error;
    }

    private static String describe(Exception error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
