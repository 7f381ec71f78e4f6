package id.pintu.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The broker's own limit, in the same JVM and on the same broker configuration (the hub's connection factory, its
 * persistent journal synced on every send and commit): producers send persistent messages of a task message's
 * size without a transaction, as the hub's relay does; consumers receive in a transacted session and commit each
 * message, as the inbox routes do. No database, no hub logic.
 */
final class RawBroker {

    record Rate(int messages, int producers, int consumers, double seconds) {
        double perSecond() {
            return messages / seconds;
        }
    }

    static Rate measure(BenchHub hub, int messages, int producers, int consumers) throws Exception {
        ConnectionFactory factory = hub.bean(ConnectionFactory.class);
        String body = "{\"taskId\":\"" + "0".repeat(36) + "\",\"applicationId\":\"" + "0".repeat(36)
                + "\",\"sopCode\":\"izin-perluasan-usaha-industri\",\"sopVersion\":1,\"stepNo\":5,"
                + "\"actor\":\"backoffice\",\"kind\":\"STEP\",\"enteredAt\":\"2025-01-01T00:00:00Z\"}";
        AtomicInteger received = new AtomicInteger();
        AtomicInteger toSend = new AtomicInteger(messages);
        CountDownLatch done = new CountDownLatch(producers + consumers);
        Throwable[] failure = new Throwable[1];
        try (Connection connection = factory.createConnection()) {
            connection.start();
            long start = System.nanoTime();
            for (int c = 0; c < consumers; c++) {
                new Thread(() -> {
                    try (Session s = connection.createSession(true, Session.SESSION_TRANSACTED)) {
                        Queue q = s.createQueue("pintu.bench.raw");
                        try (MessageConsumer consumer = s.createConsumer(q)) {
                            while (received.get() < messages) {
                                if (consumer.receive(200) != null) {
                                    s.commit();
                                    received.incrementAndGet();
                                }
                            }
                        }
                    } catch (Throwable e) {
                        failure[0] = e;
                    } finally {
                        done.countDown();
                    }
                }, "bench-raw-consumer-" + c).start();
            }
            for (int p = 0; p < producers; p++) {
                new Thread(() -> {
                    try (Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
                        MessageProducer producer = s.createProducer(s.createQueue("pintu.bench.raw"));
                        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                        while (toSend.getAndDecrement() > 0) {
                            producer.send(s.createTextMessage(body));
                        }
                    } catch (Throwable e) {
                        failure[0] = e;
                    } finally {
                        done.countDown();
                    }
                }, "bench-raw-producer-" + p).start();
            }
            done.await();
            if (failure[0] != null) {
                throw new IllegalStateException("raw broker run failed", failure[0]);
            }
            return new Rate(messages, producers, consumers, (System.nanoTime() - start) / 1e9);
        }
    }
}
