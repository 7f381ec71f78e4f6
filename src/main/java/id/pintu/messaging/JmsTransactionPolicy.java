package id.pintu.messaging;

import jakarta.jms.ConnectionFactory;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.spi.Policy;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code .policy(JmsTransactionPolicy.BEAN)}: the rest of the route, and the direct routes it calls, send their JMS
 * messages in one local transaction of one session, committed when the route ends (one journal sync for all of them)
 * and rolled back, sending nothing, when it fails; the exchange keeps its exception. It is what a
 * {@code transacted=true} queue consumer gives the routes that handle its message, for a route that consumes from no
 * queue (the outbox relay's).
 *
 * <p>The session is bound to the thread for the connection factory that Camel's JMS component sends with, so the
 * {@code jms:} producers join it. The transaction manager is private and registers no transaction synchronization:
 * database work inside runs in its own transactions as before, and no other bean sees a second transaction manager.
 */
@Component(JmsTransactionPolicy.BEAN)
public class JmsTransactionPolicy implements Policy {

    public static final String BEAN = "jmsTransaction";

    private final TransactionTemplate transactions;

    public JmsTransactionPolicy(ConnectionFactory connections) {
        JmsTransactionManager manager = new JmsTransactionManager(connections);
        manager.setTransactionSynchronization(AbstractPlatformTransactionManager.SYNCHRONIZATION_NEVER);
        this.transactions = new TransactionTemplate(manager);
    }

    @Override
    public void beforeWrap(Route route, NamedNode definition) {
        // nothing to prepare
    }

    @Override
    public Processor wrap(Route route, Processor processor) {
        return exchange -> transactions.executeWithoutResult(status -> {
            try {
                processor.process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() != null) {
                status.setRollbackOnly();
            }
        });
    }
}
