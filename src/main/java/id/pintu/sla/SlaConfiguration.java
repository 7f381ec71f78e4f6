package id.pintu.sla;

import id.pintu.calendar.WorkingCalendar;
import id.pintu.intake.ApplicantMessages;
import id.pintu.mail.MailOutbox;
import id.pintu.mail.MailProperties;
import id.pintu.security.ActingOfficials;
import id.pintu.sop.SopCatalog;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvents;
import id.pintu.workflow.WorkflowProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionTemplate;

/** The SLA beans, and the Quartz job store shared by all hub instances when {@code pintu.sla.clustered=true}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SlaProperties.class)
public class SlaConfiguration {

    /** Name under which the hub's own DataSource is lent to Quartz. */
    static final String QUARTZ_DATA_SOURCE = "pintu";

    @Bean
    Supervision supervision(SlaProperties properties, SopCatalog catalog) {
        return Supervision.load(properties.supervisionFile(), catalog);
    }

    @Bean
    EscalationScanner escalationScanner(EscalationRepository repository, ApplicationRepository applications,
            CaseEvents events, MailOutbox mail, WorkingCalendar calendar, SopCatalog catalog, Supervision supervision,
            SlaProperties properties, TransactionTemplate tx, Clock clock, MeterRegistry registry,
            MailProperties mailProperties, ActingOfficials acting) {
        // The breach mail links to the case's page, on the address the hub is reached at (as the applicants' links)
        return new EscalationScanner(repository, applications, events, mail, calendar, catalog, supervision,
                new BreachRecipient(supervision, acting), properties, tx, clock, registry,
                mailProperties.publicUrl("/permohonan/"));
    }

    @Bean
    LateApplicantMessages lateApplicantMessages(ApplicantMessages messages, Supervision supervision, MailOutbox mail,
            SopCatalog catalog, WorkflowProperties workflow, TransactionTemplate tx, MailProperties mailProperties) {
        return new LateApplicantMessages(messages, supervision, mail, catalog, workflow, tx,
                mailProperties.publicUrl("/permohonan/"));
    }

    /**
     * One instance: Quartz keeps the triggers in memory, in a scheduler of its own. Quartz registers schedulers
     * JVM-wide by instance name, and every hub's Camel context is named {@code pintu}; a name unique to this context
     * keeps two contexts in one JVM (the test suite caches several) from sharing a scheduler and firing each other's
     * jobs.
     */
    @Bean
    @ConditionalOnProperty(name = "pintu.sla.clustered", havingValue = "false", matchIfMissing = true)
    ComponentCustomizer localQuartz() {
        String instanceName = "pintu-sla-" + UUID.randomUUID();
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("org.quartz.scheduler.instanceName", instanceName);
            p.put("org.quartz.threadPool.threadCount", "2");
            p.put("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
            p.put("org.quartz.scheduler.skipUpdateCheck", "true");
            quartz.setProperties(p);
        });
    }

    /**
     * Several instances on one database: Quartz keeps the scan's trigger in the JDBC job store (tables created by
     * Flyway, V31) and fires each scan on one instance. Exactly-once per level does not depend on this (the
     * scanner's conditional update does that); it only saves the other instances a useless scan.
     */
    @Bean
    @ConditionalOnProperty(name = "pintu.sla.clustered", havingValue = "true")
    ComponentCustomizer clusteredQuartz(DataSource dataSource) {
        return ComponentCustomizer.forType(QuartzComponent.class, quartz -> {
            DBConnectionManager.getInstance().addConnectionProvider(QUARTZ_DATA_SOURCE, new ConnectionProvider() {
                @Override
                public Connection getConnection() throws SQLException {
                    return dataSource.getConnection();
                }

                @Override
                public void shutdown() {
                    // The pool belongs to Spring, which closes it.
                }

                @Override
                public void initialize() {
                    // Nothing to set up: the pool exists already.
                }
            });
            quartz.setProperties(clusteredProperties());
        });
    }

    static Map<String, String> clusteredProperties() {
        Map<String, String> p = new HashMap<>();
        p.put("org.quartz.scheduler.instanceName", "pintu-sla");
        p.put("org.quartz.scheduler.instanceId", "AUTO");
        p.put("org.quartz.threadPool.threadCount", "2");
        p.put("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        // The PostgreSQL delegate reads BYTEA as bytes, which H2 in PostgreSQL mode also accepts.
        p.put("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.put("org.quartz.jobStore.dataSource", QUARTZ_DATA_SOURCE);
        p.put("org.quartz.jobStore.tablePrefix", "QRTZ_");
        p.put("org.quartz.jobStore.isClustered", "true");
        p.put("org.quartz.jobStore.clusterCheckinInterval", "15000");
        p.put("org.quartz.jobStore.misfireThreshold", "60000");
        return p;
    }
}
