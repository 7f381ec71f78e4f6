package id.pintu.bench;

import id.pintu.documents.DocumentCatalog;
import id.pintu.documents.DocumentPlan;
import id.pintu.documents.DocumentSigner;
import id.pintu.documents.LetterContent;
import id.pintu.documents.PdfRenderer;
import id.pintu.ops.H2Housekeeping;
import id.pintu.ops.H2HousekeepingProperties;
import id.pintu.report.SopEvaluationService;
import id.pintu.report.WeeklyReport;
import id.pintu.sla.EscalationScanner;
import id.pintu.web.DashboardQueries;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.springframework.util.unit.DataSize;

/**
 * The hub's benchmark (docs/benchmark.md): boots the whole hub in this JVM and measures how fast it moves work,
 * how its cost grows, and the broker's own limit for comparison. Prints a table and, last, one line
 * {@code BENCH {json}} with every figure. Run it with {@code mvn -B -Pbench test-compile exec:exec}.
 */
public final class PintuBenchmark {

    /** C2 keeps compiling well past the first two rounds (a third round was still 27 % cheaper per transition). */
    private static final int MIN_WARMUP_ROUNDS = 3;

    private final BenchSettings settings;
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<String[]> table = new ArrayList<>();

    private PintuBenchmark(BenchSettings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        PintuBenchmark bench = new PintuBenchmark(settings);
        int status = 0;
        try {
            bench.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        } finally {
            bench.print();
        }
        // The hub's non-daemon threads (broker, pools) must not keep a failed run alive.
        System.exit(status);
    }

    private void run() throws Exception {
        figures.put("db", settings.postgres() ? "postgres" : "h2");
        figures.put("scale", settings.scale());
        figures.put("cpus", Runtime.getRuntime().availableProcessors());
        figures.put("maxHeapMb", Runtime.getRuntime().maxMemory() >> 20);
        figures.put("java", System.getProperty("java.version"));
        figures.put("hubArgs", String.join(" ", settings.hubArgs()));
        figures.put("loadAverageBefore", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        int defaultConsumers = 2;
        double maximum = 0;
        BenchHub first = null;
        try (BenchHub hub = BenchHub.start(settings.postgres(), defaultConsumers, settings.hubArgs())) {
            first = hub;
            put("startupMs", "start-up to ApplicationReadyEvent (first, cold)", hub.startupMillis, "ms");
            String durability = hub.durability();
            figures.put("dbDurability", durability);
            long journalWait = hub.journalBufferTimeoutMicros();
            figures.put("journalBufferTimeoutUs", journalWait);
            System.out.println("[bench] database: " + figures.get("db") + ", " + durability
                    + "; broker journal gathers writes for " + journalWait + " µs per sync");
            StaffSimulation staff = new StaffSimulation(hub);
            if (settings.runs("throughput")) {
                RawBroker.Rate raw = RawBroker.measure(hub, settings.rawMessages(), 4, 4);
                put("rawBrokerMsgPerSec", "raw broker: persistent send + transacted receive (4+4 threads)",
                        raw.perSecond(), "msg/s");
                RawBroker.Rate wide = RawBroker.measure(hub, settings.rawMessages(), 32, 16);
                put("rawBrokerWideMsgPerSec", "raw broker: the same with 32+16 threads (more sends per journal sync)",
                        wide.perSecond(), "msg/s");
                maximum = maximum(staff);
                put("hubToRawRatio", "ratio transitions/s : raw broker msg/s (32+16 threads)",
                        maximum / Math.max(raw.perSecond(), wide.perSecond()), "");
            }
            if (settings.runs("latency")) {
                if (maximum == 0) {
                    maximum = maximum(staff);
                }
                StaffSimulation.Latency lat = staff.atRate(maximum / 2, settings.latencyCompletions(), settings.staff(),
                        settings.latencySteady());
                figures.put("latencyMix", settings.latencySteady() ? "steady" : "waves");
                put("latencyRate", "latency run: fixed rate (half of maximum), cases " + (settings.latencySteady()
                        ? "spread over the steps" : "moving in step (waves)"), lat.rate(), "/s");
                put("latencyP50Ms", "completion scheduled -> next task claimable, p50", ms(lat.histogram().getValueAtPercentile(50)), "ms");
                put("latencyP99Ms", "completion scheduled -> next task claimable, p99", ms(lat.histogram().getValueAtPercentile(99)), "ms");
                put("latencyP999Ms", "completion scheduled -> next task claimable, p99.9", ms(lat.histogram().getValueAtPercentile(99.9)), "ms");
                put("latencyMaxMs", "completion scheduled -> next task claimable, max", ms(lat.histogram().getMaxValue()), "ms");
                put("latencyAfterCommitP50Ms", "complete() returned -> next task claimable, p50",
                        ms(lat.afterCommit().getValueAtPercentile(50)), "ms");
                put("latencyAfterCommitP99Ms", "complete() returned -> next task claimable, p99",
                        ms(lat.afterCommit().getValueAtPercentile(99)), "ms");
                put("latencyPlainStepsP50Ms", "  the same for steps without an OSS call, p50",
                        ms(lat.plainSteps().getValueAtPercentile(50)), "ms");
                put("latencyPlainStepsP99Ms", "  the same for steps without an OSS call, p99",
                        ms(lat.plainSteps().getValueAtPercentile(99)), "ms");
                figures.put("latencySkipped", lat.skipped());
                lat.bySteps().forEach((no, h) -> {
                    System.out.printf(Locale.ROOT,
                            "[bench]   step %2d completed -> next task claimable: %5d times, p50 %8.2f ms, p99 %8.2f ms,"
                                    + " max %8.2f ms%n", no, h.getTotalCount(), ms(h.getValueAtPercentile(50)),
                            ms(h.getValueAtPercentile(99)), ms(h.getMaxValue()));
                    figures.put("latencyP99MsStep" + no, Math.round(ms(h.getValueAtPercentile(99)) * 100) / 100.0);
                });
                // Where a tail comes from: the slowest completions' cases, to look up in the hub's log.
                ApplicationRepository applications = hub.bean(ApplicationRepository.class);
                lat.slowest().forEach(s -> System.out.printf(Locale.ROOT,
                        "[bench]   slow: step %2d of case %s (%s), complete() returned %s, next task %8.2f ms later%n",
                        s.step(), applications.find(s.applicationId()).map(Application::trackingCode).orElse("?"),
                        s.applicationId(), s.returnedAt(), ms(s.nanos())));
                slowRoutes(hub);
            }
            if (settings.runs("pdf")) {
                pdf(hub);
            }
            if (settings.runs("history")) {
                if (maximum == 0) {
                    maximum = maximum(staff);
                }
                scalingWithHistory(hub, staff, maximum);
            }
            if (settings.runs("capacity")) {
                heapAndSla(hub);
            }
            if (settings.runs("email")) {
                // Last on this hub: emailed cases stay open (their documents are incomplete) and would disturb the
                // staff simulation.
                email(hub);
            }
        }
        put("shutdownMs", "shut-down: closing the hub after its runs (routes, consumers, broker, database)",
                first.closeMillis(), "ms");
        for (int consumers : settings.runs("consumers") ? settings.consumerSteps() : new int[0]) {
            if (consumers == defaultConsumers && figures.containsKey("transitionsPerSecConsumers2")) {
                continue;
            }
            try (BenchHub hub = BenchHub.start(settings.postgres(), consumers, settings.hubArgs())) {
                StaffSimulation staff = new StaffSimulation(hub);
                // The JIT is warm by now (same JVM): two rounds settle the new hub's caches.
                warmUp(staff, 2, false);
                StaffSimulation.Throughput t = staff.maximum(settings.cases(), settings.staff());
                double rate = t.perSecond();
                figures.put("cpuMsPerTransitionConsumers" + consumers, t.cpuMillisPerTransition());
                put("transitionsPerSecConsumers" + consumers, "step transitions/s with " + consumers
                        + " consumer(s)/queue", rate, "/s");
                figures.put("startupMsWarm" + consumers, hub.startupMillis);
            }
        }
        if (settings.runs("core")) {
            core();
        }
        if (settings.runs("reference")) {
            reference();
        }
        if (settings.runs("h2store") && !settings.postgres()) {
            h2Ageing();
        }
        figures.put("loadAverageAfter", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /**
     * The transitions figure of the workflow core: the same SOP and the same hub, with durable messaging and the
     * full audit history, but without the features' own work, i.e. what a workflow engine executing the SOP would
     * do. The SOP is copied without its {@code integration} lines (no OSS calls), and the documents feature and the
     * status mails get empty configuration folders (no PDFs, no mails); their subscriptions still receive every
     * event.
     */
    private void core() throws Exception {
        Path dir = Path.of("target", "bench-data", "core-config-" + UUID.randomUUID());
        Path sops = Files.createDirectories(dir.resolve("sop"));
        try (var files = Files.list(Path.of("config", "sop"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                List<String> lines = Files.readAllLines(f).stream()
                        .filter(l -> !l.strip().startsWith("integration:")).toList();
                Files.write(sops.resolve(f.getFileName()), lines);
            }
        }
        List<String> args = new ArrayList<>(settings.hubArgs());
        args.add("--pintu.sop.directory=" + sops);
        args.add("--pintu.documents.definitions-directory="
                + Files.createDirectories(dir.resolve("documents")));
        args.add("--pintu.mail.rules-directory=" + Files.createDirectories(dir.resolve("mail")));
        try (BenchHub hub = BenchHub.start(settings.postgres(), 2, args)) {
            StaffSimulation staff = new StaffSimulation(hub);
            warmUp(staff, MIN_WARMUP_ROUNDS, false);
            Rounds t = measure(staff, "core");
            put("transitionsPerSecCore", "step transitions/s of the workflow core (no OSS calls, documents or mails;"
                    + " median of " + t.count() + " rounds of " + t.cases() + " cases)", t.perSecond(), "/s");
            spread("transitionsPerSecCore", t);
            put("cpuMsPerTransitionCore", "  CPU time of the whole JVM per transition (median)",
                    t.cpuMillisPerTransition(), "ms");
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(dir);
        }
    }

    /**
     * The reference: Flowable executing the same SOP on the same machine, in its own JVM after the hub's have closed
     * ({@code bench/reference-flowable}, see {@code FlowableSop}), with the same case counts and staff; its figures
     * and the hub's ratio to them.
     */
    private void reference() throws Exception {
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-f",
                Path.of("bench", "reference-flowable", "pom.xml").toString(), "compile", "exec:exec",
                "-Dreference.cases=" + settings.cases(), "-Dreference.warmup-cases=" + settings.warmupCases(),
                "-Dreference.staff=" + settings.staff(), "-Dreference.rounds=" + settings.rounds(),
                "-Dreference.db=" + (settings.postgres() ? "postgres" : "h2")));
        command.addAll(settings.referenceArgs());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println(line);
                if (line.startsWith("REFERENCE ")) {
                    result = line;
                }
            }
        }
        if (process.waitFor() != 0 || result == null) {
            throw new IllegalStateException("the reference run failed (exit " + process.exitValue() + "): "
                    + String.join(" ", command));
        }
        double rate = jsonNumber(result, "transitionsPerSec");
        String db = jsonText(result, "db");
        put("referenceTransitionsPerSec", "reference: Flowable, the same SOP, step transitions/s, warm (median, "
                + jsonText(result, "history") + " history, " + (db.equals("h2") ? "H2 WRITE_DELAY="
                + jsonNumber(result, "h2WriteDelayMs").intValue() : db) + ")", rate, "/s");
        // Its own count: -Dbench.reference-args may set -Dreference.rounds apart from the hub's.
        int rounds = jsonNumber(result, "rounds").intValue();
        put("referenceTransitionsPerSecSlowest", "  slowest of its " + rounds + " rounds",
                jsonNumber(result, "transitionsPerSecSlowest"), "/s");
        put("referenceTransitionsPerSecFastest", "  fastest of its " + rounds + " rounds",
                jsonNumber(result, "transitionsPerSecFastest"), "/s");
        put("referenceCpuMsPerTransition", "  CPU time of its JVM per transition (median)",
                jsonNumber(result, "cpuMsPerTransition"), "ms");
        for (String hub : List.of("transitionsPerSec", "transitionsPerSecCore")) {
            if (figures.get(hub) instanceof Double d) {
                put(hub.replace("transitionsPerSec", "hubToReferenceRatio"), "ratio " + hub + " : reference",
                        d / rate, "");
            }
        }
    }

    private static Double jsonNumber(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":([0-9.]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return Double.valueOf(m.group(1));
    }

    private static String jsonText(String json, String key) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + key + "\":\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : "?";
    }

    /** The H2 file's chunks and commit cost as it ages, without and with the hub's housekeeping. */
    private void h2Ageing() throws Exception {
        int transitions = settings.h2Transitions();
        Path dir = Path.of("target", "bench-data", "h2-ageing-" + UUID.randomUUID());
        for (boolean housekeeping : new boolean[] {false, true}) {
            H2ChunkGrowth.Row last = H2ChunkGrowth.run(dir.resolve(housekeeping ? "on" : "off"), housekeeping,
                    transitions, transitions / 5);
            String mode = housekeeping ? "On" : "Off";
            put("h2AgeingMsPerTransition" + mode, "H2 ageing, housekeeping " + mode.toLowerCase(Locale.ROOT)
                    + ": ms per transition after " + transitions, last.msPerTransition(), "ms");
            put("h2AgeingChunks" + mode, "  chunks in the file", last.chunks(), "");
            put("h2AgeingFileMb" + mode, "  file size", last.fileMb(), "MB");
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }

    /** The routes whose slowest exchange took longer than a second (where a long latency comes from). */
    private void slowRoutes(BenchHub hub) throws Exception {
        org.apache.camel.CamelContext camel = hub.bean(org.apache.camel.CamelContext.class);
        org.apache.camel.api.management.ManagedCamelContext managed = camel.getCamelContextExtension()
                .getContextPlugin(org.apache.camel.api.management.ManagedCamelContext.class);
        for (org.apache.camel.Route route : camel.getRoutes()) {
            var r = managed.getManagedRoute(route.getRouteId());
            if (r != null && r.getMaxProcessingTime() > 1000) {
                System.out.printf("[bench] slow route %s: %d exchanges, mean %d ms, max %d ms%n", route.getRouteId(),
                        r.getExchangesTotal(), r.getMeanProcessingTime(), r.getMaxProcessingTime());
                // Which of its nodes took that long (a node's time includes the nodes it calls).
                java.util.regex.Matcher node = java.util.regex.Pattern
                        .compile("<processorStat id=\"([^\"]+)\"[^>]*?maxProcessingTime=\"(\\d+)\"")
                        .matcher(r.dumpRouteStatsAsXml(false, true));
                while (node.find()) {
                    if (Long.parseLong(node.group(2)) > 1000) {
                        System.out.printf("[bench]   node %s: max %s ms%n", node.group(1), node.group(2));
                    }
                }
            }
        }
    }

    /** The maximum transitions figure (after a warm-up), with its CPU cost. */
    private double maximum(StaffSimulation staff) throws Exception {
        StaffSimulation.Throughput first = warmUp(staff, MIN_WARMUP_ROUNDS, true);
        put("transitionsPerSecFirstRound", "  the first " + first.cases() + " cases of a cold JVM (JIT compiling)",
                first.perSecond(), "/s");
        figures.put("cpuMsPerTransitionFirstRound", first.cpuMillisPerTransition());
        Rounds max = measure(staff, "hub");
        double maximum = max.perSecond();
        put("transitionsPerSec", "step transitions/s, warm (median of " + max.count() + " rounds of " + max.cases()
                + " cases, " + max.transitions() + " transitions, " + settings.staff() + " staff, 2 consumers/queue)",
                maximum, "/s");
        spread("transitionsPerSec", max);
        figures.put("transitionsPerSecConsumers2", maximum);
        put("cpuMsPerTransition", "CPU time of the whole JVM per transition (hub + broker + db + staff; median)",
                max.cpuMillisPerTransition(), "ms");
        put("cpuBoundTransitionsPerSec", "the same as transitions/s if the JVM had every core to itself",
                Runtime.getRuntime().availableProcessors() * 1000 / max.cpuMillisPerTransition(), "/s");
        // A status mail owed before its PDF exists waits for it, untried (since the seventeenth session; before,
        // it was tried, failed and retried, each try a lease and a commit); how often each happens.
        var meters = staff.hub().bean(io.micrometer.core.instrument.MeterRegistry.class);
        double held = meters.find("pintu.mail.attachment.waits").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        put("mailsHeldForTheirPdfPerCase", "mails owed before their PDF was made, held for it, per case (every round)",
                held / staff.submitted(), "");
        double pending = meters.find("pintu.mail.send.failures").tag("reason", "attachment-pending").counters()
                .stream().mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
        put("mailTriesBeforeTheirPdfPerCase", "mail tries that found their PDF not made yet, per case (every round)",
                pending / staff.submitted(), "");
        var file = staff.hub().bean(id.pintu.ops.H2Housekeeping.class).state();
        if (file.isPresent() && !figures.containsKey("h2Chunks")) {
            put("h2Chunks", "H2 file after the runs: chunks", file.get().chunks(), "");
            put("h2FileMb", "H2 file after the runs: size", file.get().bytes() >> 20, "MB");
        }
        return maximum;
    }

    /** {@link BenchSettings#rounds()} measured rounds of {@code cases} each, every one printed. */
    private Rounds measure(StaffSimulation staff, String what) throws Exception {
        List<StaffSimulation.Throughput> rounds = new ArrayList<>();
        for (int i = 1; i <= settings.rounds(); i++) {
            StaffSimulation.Throughput round = staff.maximum(settings.cases(), settings.staff());
            System.out.printf(Locale.ROOT, "[bench] %s, measured round %d of %d: %.1f transitions/s, %.2f ms CPU per"
                    + " transition, %s, %d case events behind when the last case closed %s, %d outbox rows%n", what,
                    i, settings.rounds(), round.perSecond(), round.cpuMillisPerTransition(), databaseWork(round),
                    round.eventsBehind(), round.behindBySubscription(), round.outboxBehind());
            rounds.add(round);
        }
        return new Rounds(rounds);
    }

    /** A round's database work per transition, in the words of its database (see BenchHub#databaseWork). */
    private String databaseWork(StaffSimulation.Throughput round) {
        return settings.postgres()
                ? String.format(Locale.ROOT, "%.1f database transactions and %.2f WAL syncs per transition",
                        round.databaseWritesPerTransition(), round.databaseSyncsPerTransition())
                : String.format(Locale.ROOT, "%.1f H2 stores per transition", round.databaseWritesPerTransition());
    }

    /** The slowest and the fastest measured round of a figure, beside its median. */
    private void spread(String key, Rounds rounds) {
        if (rounds.count() > 1) {
            put(key + "Slowest", "  slowest of the " + rounds.count() + " rounds", rounds.slowest(), "/s");
            put(key + "Fastest", "  fastest of the " + rounds.count() + " rounds", rounds.fastest(), "/s");
        }
        put(key.replace("transitionsPerSec", "eventsBehind"), "  case events the features had still to take in when"
                + " the last case closed (most of any round; the round ends when they have)", rounds.mostBehind(), "");
        put(key.replace("transitionsPerSec", "outboxBehind"), "  outbox rows (mails owed) still waiting when the last"
                + " case closed (most of any round; the round ends when the outbox is empty)", rounds.mostOutboxBehind(),
                "");
        put(key.replace("transitionsPerSec", "dbWritesPerTransition"), settings.postgres()
                ? "  database transactions per transition (median round; pg_stat_database, read-only ones too)"
                : "  H2 stores per transition (median round: a chunk written under the store's lock each)",
                rounds.databaseWritesPerTransition(), "");
        if (settings.postgres()) {
            put(key.replace("transitionsPerSec", "dbSyncsPerTransition"), "  WAL syncs per transition (median round;"
                    + " pg_stat_wal)", rounds.databaseSyncsPerTransition(), "");
        }
    }

    /**
     * Warm-up rounds of {@code warmupCases}, at least {@code minRounds} (and two), until a round costs no less CPU
     * per transition than the one before (less by under {@link BenchSettings#WARM_WITHIN}), at most
     * {@code warmupRounds}: a hub runs for weeks, so its rate is the one after the JIT has compiled the transition
     * path (on two cores the compiler threads take a large share of the CPU for the first ten thousand or so
     * transitions). Returns the first round.
     */
    private StaffSimulation.Throughput warmUp(StaffSimulation staff, int minRounds, boolean record)
            throws Exception {
        StaffSimulation.Throughput first = null;
        StaffSimulation.Throughput previous = null;
        int rounds = 0;
        boolean steady = false;
        while (!steady && rounds < settings.warmupRounds()) {
            StaffSimulation.Throughput round = staff.maximum(settings.warmupCases(), settings.staff());
            rounds++;
            System.out.printf(Locale.ROOT, "[bench] warm-up round %d: %.1f transitions/s, %.2f ms CPU per transition%n",
                    rounds, round.perSecond(), round.cpuMillisPerTransition());
            if (first == null) {
                first = round;
            }
            steady = rounds >= Math.max(2, minRounds) && round.cpuMillisPerTransition()
                    > (1 - BenchSettings.WARM_WITHIN) * previous.cpuMillisPerTransition();
            previous = round;
        }
        if (record) {
            figures.put("warmupRounds", rounds);
            figures.put("warmupSteady", steady);
        }
        return first;
    }

    /** Letters as the documents feature lays them out (PdfRenderer: letterhead, head, body table, signature). */
    private void pdf(BenchHub hub) throws InterruptedException {
        PdfRenderer renderer = hub.bean(PdfRenderer.class);
        DocumentCatalog catalog = hub.bean(DocumentCatalog.class); // the letterhead in force, as for each document
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            body.append("Berdasarkan hasil verifikasi berkas dan peninjauan lapangan atas permohonan izin perluasan"
                    + " usaha industri yang diajukan oleh PT Kopi Sidikalang Jaya, dengan ini disampaikan bahwa"
                    + " permohonan tersebut telah memenuhi persyaratan yang ditetapkan.\n\n");
        }
        body.append("| Nomor permohonan | PTU-26-ABCDEFG |\n| Perusahaan | PT Kopi Sidikalang Jaya |\n"
                + "| NIB | 9120001234567 |\n| KBLI | 10761 |\n");
        LetterContent letter = new LetterContent(DocumentPlan.Layout.LETTER, "Surat Rekomendasi",
                "503/123/DPMPTSP/2026", "-", "Rekomendasi Izin Perluasan Usaha Industri",
                List.of("Kepala Dinas Perindustrian", "di Sidikalang"), "Sidikalang, 28 November 2026",
                body.toString(), new LetterContent.Signature("a.n. KEPALA DINAS", "Kepala Bidang Pelayanan",
                        "Drs. Maruli Tua Sihombing", "Pembina", "196805121994031005", null),
                List.of(), null, null);
        for (int i = 0; i < 20; i++) {
            renderer.render(catalog.letterhead(), letter);
        }
        int n = settings.pdfDocuments();
        PdfRate plain = pdfRate(n, () -> renderer.render(catalog.letterhead(), letter));
        put("pdfPerSec", "PDF generation (a one-page letter, documents' PdfRenderer, 2 threads, "
                + plain.bytesEach() / 1024 + " KB)", plain.perSecond(), "doc/s");
        // Every final document of a case (resi, disposisi, berita acara, rekomendasi, the permit) is also sealed.
        DocumentSigner signer = hub.bean(DocumentSigner.class);
        DocumentSigner.Request seal = new DocumentSigner.Request("Drs. Maruli Tua Sihombing", "Surat Rekomendasi",
                "Sidikalang", Instant.parse("2026-11-28T03:00:00Z"));
        // A sealed document also carries its verification code and QR code (since the twelfth session).
        LetterContent sealedLetter = new LetterContent(letter.layout(), letter.title(), letter.number(),
                letter.lampiran(), letter.perihal(), letter.addressee(), letter.placeAndDate(), letter.body(),
                letter.signature(), letter.initials(), new LetterContent.Verification("K7Q2M9XW4T",
                        "http://localhost:8080/verifikasi/K7Q2M9XW4T"), null);
        for (int i = 0; i < 20; i++) {
            signer.sign(renderer.render(catalog.letterhead(), sealedLetter), seal);
        }
        PdfRate sealed = pdfRate(n, () -> signer.sign(renderer.render(catalog.letterhead(), sealedLetter), seal));
        put("sealedPdfPerSec", "sealed PDF (the same letter rendered and sealed: PAdES, RSA 3072, 2 threads, "
                + sealed.bytesEach() / 1024 + " KB)", sealed.perSecond(), "doc/s");
    }

    private record PdfRate(double perSecond, long bytesEach) {}

    /** Documents per second and bytes per document of {@code n} documents made by 2 threads. */
    private static PdfRate pdfRate(int n, Supplier<byte[]> make) throws InterruptedException {
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            pool.execute(() -> bytes.addAndGet(make.get().length));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new PdfRate(n / seconds, bytes.get() / n);
    }

    private void email(BenchHub hub) throws Exception {
        hub.emptyMailboxes();
        EmailIntakeRate.Rate rate = EmailIntakeRate.measure(hub, settings.emails());
        put("emailIntakePerSec", "email intake: applications/s (" + rate.emails() + " mails, "
                + rate.attachmentBytes() / 1024 + " KB PDF each, via SMTP + IMAP poll)", rate.perSecond(), "/s");
    }

    private void scalingWithHistory(BenchHub hub, StaffSimulation staff, double emptyRate) throws Exception {
        BulkData bulk = new BulkData(hub);
        long stored = 0;
        for (int target : settings.finishedSteps()) {
            long t0 = System.nanoTime();
            long rows = bulk.finishedCases(stored, target - stored);
            stored = target;
            analyze(hub);
            figures.put("bulkFinished" + target + "Seconds", (System.nanoTime() - t0) / 1e9);
            figures.put("bulkFinished" + target + "TaskRows", rows);
            h2File(hub, "after loading " + target + " finished cases");
            settleH2File(hub, target);
            staff.maximum(Math.min(50, settings.warmupCases()), settings.staff());
            StaffSimulation.Throughput t = staff.maximum(settings.cases(), settings.staff());
            double rate = t.perSecond();
            put("cpuMsPerTransitionFinished" + target, "  CPU ms per transition with " + target + " finished cases",
                    t.cpuMillisPerTransition(), "ms");
            put("transitionsPerSecFinished" + target, "step transitions/s with " + target
                    + " finished cases stored", rate, "/s");
            readsWithHistory(hub, target);
            h2File(hub, "after the round with " + target + " finished cases");
        }
    }

    /**
     * What the head of office reads, with the history stored: the dashboard's figures (cases by status, open work
     * by step and actor, the SLA sample of the 5,000 newest completed steps), the weekly report's figures for last
     * week and the SOP evaluation of the last 30 days. Each once, right after the round: the round's writes make H2
     * read them afresh (it answers a query repeated on unchanged tables from its cache).
     */
    private void readsWithHistory(BenchHub hub, int target) {
        DashboardQueries dashboard = hub.bean(DashboardQueries.class);
        WeeklyReport weekly = hub.bean(WeeklyReport.class);
        SopEvaluationService evaluation = hub.bean(SopEvaluationService.class);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Jakarta"));
        put("dashboardMsFinished" + target, "  the dashboard's figures with " + target + " finished cases",
                millis(() -> List.of(dashboard.casesByStatus(dashboard.year()), dashboard.openByStep(),
                        dashboard.openByActor(),
                        dashboard.slaPerStep())), "ms");
        put("weeklyReportMsFinished" + target, "  the weekly report's figures with " + target + " finished cases",
                millis(() -> weekly.figures(weekly.lastWeek())), "ms");
        put("sopEvaluationMsFinished" + target, "  the SOP evaluation of 30 days with " + target + " finished cases",
                millis(() -> evaluation.evaluate(hub.catalog().defaultSop().code(), today.minusDays(30), today)), "ms");
    }

    private static double millis(Supplier<?> read) {
        long t0 = System.nanoTime();
        read.get();
        return (System.nanoTime() - t0) / 1e6;
    }

    /**
     * H2 only: compacts the file after a bulk load before the round is measured, as {@code analyze} gives PostgreSQL
     * its statistics. The load leaves chunks filled to a quarter or a third (one INSERT ... SELECT of millions
     * of rows rewrites the same pages many times); the hub's housekeeping rewrites 256 KB per 200 ms, a hub that grew its
     * history over years keeps up with it, but after gigabytes at once it would rewrite through every measured round
     * and the figure would show the load, not the history. Same pass as the hub's, 64 MB at a time, each followed by
     * the hub's next sync (which drops what the pass emptied), until the chunks are filled to the housekeeping's
     * target or 10 minutes have passed.
     */
    private static void settleH2File(BenchHub hub, int target) throws Exception {
        H2Housekeeping own = hub.bean(H2Housekeeping.class);
        if (own.state().isEmpty()) {
            return;
        }
        H2HousekeepingProperties defaults = hub.bean(H2HousekeepingProperties.class);
        H2Housekeeping pass = new H2Housekeeping(hub.bean(javax.sql.DataSource.class),
                new H2HousekeepingProperties(true, defaults.interval(), defaults.fillRate(), DataSize.ofMegabytes(64),
                        defaults.syncInterval(), defaults.retention(), defaults.syncStaleAfter()),
                new SimpleMeterRegistry());
        long start = System.nanoTime();
        int passes = 0;
        while (own.chunksFillRate().orElse(100) < defaults.fillRate()
                && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
            var before = own.lastSync().map(H2Housekeeping.Synced::version).orElse(-1L);
            if (!pass.compact().map(H2Housekeeping.Pass::rewritten).orElse(false)) {
                break;
            }
            passes++;
            long waitFrom = System.nanoTime();
            while (own.lastSync().map(H2Housekeeping.Synced::version).orElse(-1L).equals(before)
                    && System.nanoTime() - waitFrom < TimeUnit.SECONDS.toNanos(10)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "[bench]   H2 file compacted after the load: %d passes of 64 MB in %.1f s%n",
                passes, seconds);
        h2File(hub, "before the round with " + target + " finished cases");
    }

    /** H2 only: the file's chunks, size and fill rate (what the housekeeping compacts), printed. */
    private static void h2File(BenchHub hub, String when) throws Exception {
        H2Housekeeping h2 = hub.bean(H2Housekeeping.class);
        var state = h2.state();
        if (state.isPresent()) {
            System.out.printf(Locale.ROOT, "[bench]   H2 file %s: %,d chunks, %,d MB, chunks filled to %d %%%n", when,
                    state.get().chunks(), state.get().bytes() >> 20, h2.chunksFillRate().orElse(-1));
        }
    }

    private void heapAndSla(BenchHub hub) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        // The last round's status mails in the embedded mail server's mailboxes are not the hub's (BenchHub).
        hub.emptyMailboxes();
        long before = heapAfterGc(memory);
        BulkData bulk = new BulkData(hub);
        bulk.openCases(settings.openCases(), 5, Instant.now().plus(Duration.ofDays(60)));
        analyze(hub);
        // Touch every inbox once, as the clerks' pages would.
        hub.catalog().actors().keySet().forEach(a -> hub.jdbc().queryForList(
                "SELECT id FROM task WHERE actor = ? AND status = 'OPEN' ORDER BY entered_at, id LIMIT 50", a));
        long after = heapAfterGc(memory);
        put("heapBaselineMb", "heap after GC, before the open cases", before / 1048576.0, "MB");
        put("heapOpenCasesMb", "heap after GC with " + settings.openCases() + " open cases", after / 1048576.0,
                "MB");

        EscalationScanner scanner = hub.bean(EscalationScanner.class);
        long more = settings.openTasks() - settings.openCases();
        Instant now = Instant.now();
        bulk.openTasks(more, settings.openCases(), 6, now, now.plus(Duration.ofDays(60)));
        analyze(hub);
        scanner.scan();
        long t0 = System.nanoTime();
        int fired = scanner.scan();
        double quiet = (System.nanoTime() - t0) / 1e6;
        put("slaPassMs", "escalation pass, " + settings.openTasks() + " open tasks, none due (" + fired
                + " fired)", quiet, "ms");

        bulk.overdue(settings.overdueTasks(), now.minus(Duration.ofDays(20)), now.minus(Duration.ofHours(1)));
        t0 = System.nanoTime();
        int first = scanner.scan();
        double firstMs = (System.nanoTime() - t0) / 1e6;
        put("slaOverduePassMs", "escalation pass with " + settings.overdueTasks() + " overdue: first pass ("
                + first + " levels fired)", firstMs, "ms");
        int passes = 1;
        int total = first;
        while (true) {
            int n = scanner.scan();
            if (n == 0) {
                break;
            }
            total += n;
            passes++;
        }
        double allMs = (System.nanoTime() - t0) / 1e6;
        put("slaOverdueAllMs", "all " + settings.overdueTasks() + " overdue escalated (" + total
                + " levels, " + passes + " passes)", allMs, "ms");
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        for (int i = 0; i < 3; i++) {
            memory.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** Fresh planner statistics after a bulk load, as autovacuum would have them in production. */
    private static void analyze(BenchHub hub) {
        hub.jdbc().execute("ANALYZE");
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private void put(String key, String label, double value, String unit) {
        figures.put(key, Math.round(value * 100) / 100.0);
        table.add(new String[] {label, String.format(Locale.ROOT, value >= 100 ? "%,.0f" : "%,.2f", value), unit});
        System.out.printf(Locale.ROOT, "[bench] %-80s %14s %s%n", label, table.get(table.size() - 1)[1], unit);
    }

    private void print() {
        StringBuilder out = new StringBuilder("\nPintu benchmark (" + figures.get("db") + ", scale "
                + settings.scale() + ")\n");
        for (String[] row : table) {
            out.append(String.format(Locale.ROOT, "  %-92s %14s %s%n", row[0], row[1], row[2]));
        }
        System.out.println(out);
        StringBuilder json = new StringBuilder("{");
        figures.forEach((k, v) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(k).append("\":");
            json.append(v instanceof Number || v instanceof Boolean ? v.toString() : "\"" + v + "\"");
        });
        System.out.println("BENCH " + json.append('}'));
    }
}
