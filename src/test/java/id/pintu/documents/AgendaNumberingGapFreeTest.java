package id.pintu.documents;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.PintuApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The agenda book numbers letters without gaps or duplicates: 8 threads taking 50 numbers each get exactly 1..400,
 * a rolled-back letter gives its number back, a case asking twice keeps its first number, and after the hub is
 * restarted on the same database the sequence continues where it stopped.
 */
class AgendaNumberingGapFreeTest {

    private static final String TYPE = "izin-usaha-industri";
    private static final String PATTERN = "503/{seq}/IUI/DPMPTSPK/{year}";
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final Instant AT = Instant.parse("2026-11-28T03:00:00Z");

    @Test
    void numbersStayGapFreeUnderConcurrencyAndAcrossARestart() throws Exception {
        Path data = Files.createDirectories(Path.of("target", "test-data", "agenda-" + UUID.randomUUID()));
        List<Long> first;
        try (ConfigurableApplicationContext hub = start(data)) {
            AgendaBook agenda = hub.getBean(AgendaBook.class);
            TransactionTemplate tx = hub.getBean(TransactionTemplate.class);
            first = takeConcurrently(agenda, tx, 8, 50);
            assertThat(first).containsExactlyElementsOf(LongStream.rangeClosed(1, 400).boxed().toList());

            String repeat = UUID.randomUUID().toString();
            AgendaBook.Entry once = register(agenda, tx, repeat);
            assertThat(register(agenda, tx, repeat).number()).isEqualTo(once.number());
            assertThat(once.number()).isEqualTo("503/401/IUI/DPMPTSPK/2026");

            // A letter whose transaction fails gives its number back.
            try {
                tx.executeWithoutResult(s -> {
                    agenda.register(TYPE, PATTERN, UUID.randomUUID().toString(), "surat-izin", "Perihal", "PT A", AT,
                            WIB, "kadis");
                    throw new IllegalStateException("signing failed");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
        }
        try (ConfigurableApplicationContext hub = start(data)) {
            AgendaBook agenda = hub.getBean(AgendaBook.class);
            TransactionTemplate tx = hub.getBean(TransactionTemplate.class);
            List<Long> second = takeConcurrently(agenda, tx, 4, 5);
            assertThat(second).containsExactlyElementsOf(LongStream.rangeClosed(402, 421).boxed().toList());
            List<AgendaBook.Entry> book = agenda.list(TYPE, 2026);
            assertThat(book).hasSize(421);
            assertThat(book.stream().map(AgendaBook.Entry::number).distinct()).hasSize(421);
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(PintuApplication.class)
                .profiles("test")
                // Arguments outrank the test profile's fresh data folder: both starts share one database.
                .run("--pintu.data-dir=" + data.toAbsolutePath(), "--server.port=0");
    }

    private static List<Long> takeConcurrently(AgendaBook agenda, TransactionTemplate tx, int threads, int each)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<List<Long>> job = () -> {
                    List<Long> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(register(agenda, tx, UUID.randomUUID().toString()).seq());
                    }
                    return mine;
                };
                futures.add(pool.submit(job));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            Collections.sort(all);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    private static AgendaBook.Entry register(AgendaBook agenda, TransactionTemplate tx, String caseId) {
        return tx.execute(s -> agenda.register(TYPE, PATTERN, caseId, "surat-izin", "Persetujuan", "PT Kopi", AT, WIB,
                "kadis"));
    }
}
