package id.pintu.ops;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubProcess;
import id.pintu.web.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Docker image's start-up recipe works: the packaged jar, extracted, makes a class-data-sharing archive in a
 * training run that stops once the context is refreshed ({@code -XX:ArchiveClassesAtExit}, as the Dockerfile's
 * {@code RUN} does), and a hub started on that archive with {@code -Xshare:on} (which refuses to start without a
 * usable archive) loads the hub's own classes from it and becomes ready.
 * <p>
 * The same hub shows its routes in Hawtio to an admin in a real browser.
 * <p>
 * Until the fifteenth session the training run died with a SIGSEGV in JDK 17's dump (a lambda implementing an
 * interface of Bouncy Castle's signed jar, in {@code KeystoreSigner}): the tests' hubs silently started without the
 * archive, and {@code docker build} would have failed at that step.
 */
class CdsArchiveIT {

    /**
     * IT watches the routes in Hawtio on the hub as shipped (the tests' in-JVM hubs run Camel without JMX). The
     * operations console takes HTTP Basic on every request, no page session: a browser that answered the Basic prompt
     * once (here with the address's credentials) sends them with each of Hawtio's Jolokia calls, and the Camel plugin
     * lists the hub's routes, named after what they do.
     */
    private static void itSeesTheCamelRoutesInHawtio(HubProcess hub) {
        if (!Browser.available()) {
            System.out.println("cds: Chromium is not installed; Hawtio not tried in a browser");
            return;
        }
        int port = Integer.parseInt(hub.baseUrl().substring(hub.baseUrl().lastIndexOf(':') + 1));
        Browser browser = Browser.open(port);
        try {
            // The page itself is opened without credentials in its address: such a page may not fetch anything
            browser.driver().get("http://admin:demo@localhost:" + port + "/actuator/jolokia/version");
            browser.go("/actuator/hawtio/camel/routes");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d -> d.findElement(By.tagName("body"))
                    .getText().contains("oss-call"));
            assertThat(browser.driver().findElement(By.tagName("body")).getText()).contains("sop-files-reload");
        } finally {
            // It holds the admin's Basic credentials for this address: quit, not handed to another test
            browser.discard();
        }
    }

    private static final String FROM_ARCHIVE = "source: shared objects file (top)";

    @Test
    void theHubStartsFromItsClassDataSharingArchive() throws Exception {
        Path work = Files.createTempDirectory("pintu-cds-");
        List<String> jvm = new ArrayList<>(HubProcess.SMALL_JVM);
        jvm.addAll(List.of("-Xshare:on", "-Xlog:class+load=info"));
        try (HubProcess hub = new HubProcess(work.resolve("data"), Path.of("target/cds-it"), jvm, List.of())) {
            assertThat(hub.archive())
                    .as("the training run made no archive; see %s", hub.archiveTrainingLog())
                    .isRegularFile();
            hub.start(); // waits for readiness; with -Xshare:on a JVM that cannot map the archive exits at once
            // "shared objects file (top)" is the hub's dynamic archive ("shared objects file" alone the JDK's own);
            // a class read from a jar names the jar.
            List<String> log = Files.readAllLines(hub.log(1));
            assertThat(log).anyMatch(l -> l.contains(" id.pintu.workflow.WorkflowService " + FROM_ARCHIVE));
            assertThat(log).anyMatch(l -> l.contains(" id.pintu.documents.KeystoreSigner " + FROM_ARCHIVE));
            long fromArchive = log.stream().filter(l -> l.contains(FROM_ARCHIVE)).count();
            long fromJars = log.stream().filter(l -> l.contains("source: jar:") || l.contains("source: file:")).count();
            System.out.printf("cds: %d classes from the archive, %d from jars%n", fromArchive, fromJars);
            assertThat(fromArchive).isGreaterThan(fromJars);

            itSeesTheCamelRoutesInHawtio(hub);
        }
    }
}
