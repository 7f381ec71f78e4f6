package id.pintu.bench;

import id.pintu.sop.Actor;
import id.pintu.sop.Outcome;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import id.pintu.workflow.Application;
import id.pintu.workflow.Caller;
import id.pintu.workflow.NewApplication;
import id.pintu.workflow.OutboxRepository;
import id.pintu.workflow.TaskMessage;
import id.pintu.workflow.WorkflowService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.SynchronizedHistogram;

/**
 * Simulated staff: they call {@link WorkflowService#complete} directly (the REST layer would add HTTP and, above
 * all, a bcrypt check per request, which measures the password hash rather than the hub), always picking the next
 * task that reached an inbox. Cases alternate between the SOP's two branches (recommend, reject).
 */
final class StaffSimulation {

    /**
     * @param cpuSeconds CPU time this whole JVM (hub, broker, H2, simulated staff) used meanwhile: on a machine
     *     shared with other work, CPU per transition is the steadier figure
     */
    /**
     * One round: {@code seconds} from the first completion until every case has closed, every feature has taken
     * in every case event (full history) and the outbox is empty (every mail owed is sent); {@code
     * behindBySubscription}: case events still waiting on each of the features' subscriptions when the last case
     * closed; {@code outboxBehind}: outbox rows (mails, for the most part) still waiting then.
     */
    record Throughput(int cases, long transitions, double seconds, double cpuSeconds,
            java.util.SortedMap<String, Long> behindBySubscription, long outboxBehind,
            BenchHub.DatabaseWork database) {
        /** H2's stores or PostgreSQL's committed transactions per transition (see BenchHub#databaseWork). */
        double databaseWritesPerTransition() {
            return (double) database.writes() / transitions;
        }

        /** PostgreSQL's WAL syncs per transition (0 on H2, which syncs no commit). */
        double databaseSyncsPerTransition() {
            return (double) database.syncs() / transitions;
        }

        /** Case events still waiting on all subscriptions when the last case closed. */
        long eventsBehind() {
            return behindBySubscription.values().stream().mapToLong(Long::longValue).sum();
        }

        double perSecond() {
            return transitions / seconds;
        }

        double cpuMillisPerTransition() {
            return cpuSeconds * 1000 / transitions;
        }
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /**
     * @param bySteps from {@code complete()} returned to the next task in its inbox, per step completed (its number)
     */
    record Latency(double rate, long completions, long skipped, Histogram histogram, Histogram afterCommit,
            Histogram plainSteps, java.util.SortedMap<Integer, Histogram> bySteps, List<Slow> slowest) {}

    /**
     * One of the slowest completions of a latency run, from {@code complete()} returned to the next task in its
     * inbox: enough to find the case in the hub's log (its tracking code, and when the clerk's call returned).
     */
    record Slow(long nanos, int step, String applicationId, Instant returnedAt) {}

    /** The {@code limit} slowest completions recorded, slowest first. */
    static final class Slowest {
        private final int limit;
        private final java.util.PriorityQueue<Slow> fastestFirst =
                new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(Slow::nanos));

        Slowest(int limit) {
            this.limit = limit;
        }

        synchronized void offer(Slow s) {
            if (fastestFirst.size() < limit) {
                fastestFirst.add(s);
            } else if (s.nanos() > fastestFirst.peek().nanos()) {
                fastestFirst.poll();
                fastestFirst.add(s);
            }
        }

        synchronized List<Slow> slowestFirst() {
            return fastestFirst.stream().sorted(java.util.Comparator.comparingLong(Slow::nanos).reversed()).toList();
        }
    }

    /** The stagger of the steady mix: completions of 0 to 13 steps each, fewer than either branch has (14, 17). */
    static final int STAGGER = 14;
    /** How many of a latency run's slowest completions are listed (to find their cases in the hub's log). */
    static final int SLOWEST_LISTED = 5;

    private final BenchHub hub;
    private final WorkflowService workflow;
    private final SopDefinition sop;
    private final Caller staff;
    private final LinkedBlockingQueue<TaskMessage> ready = new LinkedBlockingQueue<>();
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final Map<String, Boolean> recommend = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private final OutboxRepository outbox;

    BenchHub hub() {
        return hub;
    }

    /** Cases submitted by this simulation so far, every round included. */
    int submitted() {
        return submitted.get();
    }

    StaffSimulation(BenchHub hub) {
        this.hub = hub;
        this.workflow = hub.workflow();
        SopCatalog catalog = hub.catalog();
        this.sop = catalog.defaultSop();
        this.outbox = hub.bean(OutboxRepository.class);
        // One user holding every role, so any task can be taken; the role check itself still runs.
        this.staff = Caller.staff("bench-staff",
                catalog.actors().values().stream().map(Actor::id).collect(Collectors.toSet()));
        hub.arrivals.listen(m -> {
            if (seen.add(m.taskId())) {
                ready.add(m);
            }
        });
    }

    /** Submits cases and waits until each one's first task is in its inbox (not timed). */
    private void prefill(int cases, int threads) throws InterruptedException {
        int before = ready.size();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int i = 0; i < cases; i++) {
            pool.execute(this::submit);
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        awaitUntil(() -> ready.size() >= before + cases, 300_000, "first tasks of " + cases + " cases");
    }

    /** One new case; every other one takes the reject branch. */
    private void submit() {
        int n = submitted.incrementAndGet();
        String id = workflow.submit(application(n)).application().id();
        recommend.put(id, n % 2 == 0);
    }

    /**
     * Walks the cases whose first tasks wait in {@code ready} forward by 0 to {@value #STAGGER} - 1 steps each (the
     * i-th case seen by i mod {@value #STAGGER}), untimed, as fast as the staff can, and leaves their next tasks in
     * {@code ready} in a shuffled order: a population whose cases are spread over the SOP, as an office's are, rather
     * than all at one step.
     */
    private void stagger(int cases, int staffThreads) throws InterruptedException {
        Map<String, Integer> stepsLeft = new ConcurrentHashMap<>();
        AtomicInteger seenCases = new AtomicInteger();
        List<TaskMessage> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        staff(staffThreads, "bench-stagger", () -> held.size() < cases, m -> {
            // One task per case at a time: no other thread touches this case's count meanwhile.
            int left = stepsLeft.computeIfAbsent(m.applicationId(), id -> seenCases.getAndIncrement() % STAGGER);
            if (left == 0) {
                held.add(m);
            } else {
                stepsLeft.put(m.applicationId(), left - 1);
                complete(m);
            }
        }).await();
        List<TaskMessage> order = new java.util.ArrayList<>(held);
        java.util.Collections.shuffle(order, new java.util.Random(16));
        ready.addAll(order);
    }

    /** All staff complete every task they find until every case has ended; transitions per second. */
    Throughput maximum(int cases, int staffThreads) throws Exception {
        hub.emptyMailboxes();
        prefill(cases, staffThreads);
        AtomicInteger endsLeft = new AtomicInteger(cases);
        AtomicLong completions = new AtomicLong();
        long start = System.nanoTime();
        double cpuStart = processCpuSeconds();
        BenchHub.DatabaseWork databaseStart = hub.databaseWork();
        staff(staffThreads, "bench-staff", () -> endsLeft.get() > 0, m -> {
            boolean last = complete(m);
            completions.incrementAndGet();
            if (last) {
                endsLeft.decrementAndGet();
            }
        }).await();
        // The last completion of a case is a transition too: it counts once the case is closed.
        awaitUntil(() -> openCases() == 0, 120_000, "cases to close");
        // Full history: the round is over when the audit trail holds every event and the other features (mail,
        // documents, intake, metrics) have handled them too, not when the last case closed. Until the tenth session
        // it ended there, and a feature that fell behind (the audit, one transaction per event) carried its backlog
        // into the next round or, after the last, out of the figure.
        java.util.SortedMap<String, Long> behind = hub.eventsWaitingBySubscription();
        long outboxBehind = outbox.pending();
        // And the work those events owe: the status mails (on relay threads of their own since the fifteenth
        // session) may still wait in the outbox; until the sixteenth session a round ended without them, and a
        // setting whose mails fell behind looked faster than it was.
        awaitFeaturesIdle();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Throughput(cases, completions.get(), seconds, processCpuSeconds() - cpuStart, behind,
                outboxBehind, hub.databaseWork().since(databaseStart));
    }

    /**
     * Completions issued at a fixed rate by a pacer (open loop: a slow hub does not slow the pacer down). Two
     * latencies per completion, both raw: from the moment the pacer <em>scheduled</em> the completion to the next
     * task being in its inbox ({@code histogram}: the completion itself, any wait for a free clerk thread and the
     * hub's way to the next inbox; measuring from the intended start is what corrects an open-loop load for
     * coordinated omission, as wrk2 does), and from {@code complete()} returning to the same moment
     * ({@code afterCommit}: the hub's way only). Recording with an expected interval on top would count a slow
     * completion again for completions that were in fact issued on time, which an open loop does not need.
     *
     * @param steady the cases start spread over the SOP ({@link #stagger}) and a closed case is replaced by a new
     *     one, so that each step gets its share of the rate, as in an office; without it (until the sixteenth
     *     session) every case starts at step 2 and they move in step with each other, so that for a few seconds at
     *     a time all completions are of one step, the OSS step among them, at the whole rate
     */
    Latency atRate(double rate, int completions, int staffThreads, boolean steady) throws Exception {
        hub.emptyMailboxes();
        int cases = completions / 12 + 100;
        prefill(cases, staffThreads);
        if (steady) {
            stagger(cases, staffThreads);
        }
        // The measurement starts from a settled hub. Until the twenty-first session it started while the documents
        // feature still worked off the stagger's backlog (seconds of it at the start): a rejection's hand-over to
        // OSS, which waits for its letter's number, then waited for that backlog, and step 14's p99 showed it.
        awaitFeaturesIdle();
        long interval = (long) (1e9 / rate);
        Histogram histogram = new SynchronizedHistogram(TimeUnit.SECONDS.toNanos(60), 3);
        Histogram afterCommit = new SynchronizedHistogram(TimeUnit.SECONDS.toNanos(60), 3);
        // Per step completed; the steps without an integration (whose next step does not wait for OSS: the request
        // queue, the HTTP call and, for the permit, the letter's agenda number) make the plain-steps figure.
        Map<Integer, Histogram> bySteps = new ConcurrentHashMap<>();
        Map<String, long[]> pending = new ConcurrentHashMap<>();
        Slowest slowest = new Slowest(SLOWEST_LISTED);
        AtomicLong recorded = new AtomicLong();
        AtomicLong expected = new AtomicLong();
        hub.arrivals.listen(m -> {
            if (!seen.add(m.taskId())) {
                return;
            }
            long now = System.nanoTime();
            long[] times = pending.remove(m.applicationId());
            if (times != null) {
                synchronized (times) {
                    times[1] = now;
                    if (times[0] != 0) {
                        histogram.recordValue(Math.max(0, now - times[2]));
                        afterCommit.recordValue(Math.max(0, now - times[0]));
                        stepHistogram(bySteps, times[3]).recordValue(Math.max(0, now - times[0]));
                        slowest.offer(new Slow(now - times[0], (int) times[3], m.applicationId(),
                                Instant.now().minusNanos(now - times[0])));
                        recorded.incrementAndGet();
                    }
                }
            }
            ready.add(m);
        });
        ExecutorService pool = Executors.newFixedThreadPool(staffThreads);
        long skipped = 0;
        long start = System.nanoTime();
        for (int i = 0; i < completions; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            TaskMessage m = ready.poll();
            if (m == null) {
                skipped++;
                continue;
            }
            Step step = sop.requireStep(m.stepNo());
            boolean last = step.next() == null && !step.isDecision();
            // [0] complete() returned, [1] the next task arrived, [2] the completion was scheduled, [3] the step
            long[] times = new long[] {0, 0, due, step.no()};
            if (!last) {
                expected.incrementAndGet();
                pending.put(m.applicationId(), times);
            }
            pool.execute(() -> {
                complete(m);
                if (last && steady) {
                    // A case closed, a new one comes in: the population (and so the mix of steps) stays as it is.
                    submit();
                }
                long now = System.nanoTime();
                if (!last) {
                    synchronized (times) {
                        times[0] = now;
                        if (times[1] != 0) {
                            // The next task arrived before complete() returned to the clerk: no wait after it.
                            histogram.recordValue(Math.max(0, times[1] - times[2]));
                            afterCommit.recordValue(0);
                            stepHistogram(bySteps, times[3]).recordValue(0);
                            recorded.incrementAndGet();
                        }
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        awaitUntil(() -> recorded.get() >= expected.get(), 120_000, "the last next tasks");
        Latency result = new Latency(rate, completions - skipped, skipped, histogram.copy(), afterCommit.copy(),
                plainSteps(bySteps), copies(bySteps), slowest.slowestFirst());
        hub.arrivals.listen(m -> {
            if (seen.add(m.taskId())) {
                ready.add(m);
            }
        });
        drain(staffThreads);
        return result;
    }

    /** The steps without an integration together. */
    private Histogram plainSteps(Map<Integer, Histogram> bySteps) {
        Histogram plain = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        bySteps.forEach((no, h) -> {
            if (sop.requireStep(no).integration() == null) {
                plain.add(h);
            }
        });
        return plain;
    }

    private static java.util.SortedMap<Integer, Histogram> copies(Map<Integer, Histogram> bySteps) {
        java.util.SortedMap<Integer, Histogram> copies = new java.util.TreeMap<>();
        bySteps.forEach((no, h) -> copies.put(no, h.copy()));
        return copies;
    }

    private static Histogram stepHistogram(Map<Integer, Histogram> bySteps, long stepNo) {
        return bySteps.computeIfAbsent((int) stepNo,
                no -> new SynchronizedHistogram(TimeUnit.SECONDS.toNanos(60), 3));
    }

    /** Until every feature has taken in every case event, and the outbox has routed everything owed. */
    private void awaitFeaturesIdle() throws InterruptedException {
        awaitUntil(() -> hub.eventsWaiting() == 0, 600_000, "the features to take in every case event");
        awaitUntil(() -> outbox.pending() == 0, 600_000, "the outbox to be empty (every mail owed sent)");
    }

    /** Walks every case still open to its end (untimed), so the next figure starts from an idle hub. */
    private void drain(int staffThreads) throws InterruptedException {
        java.util.concurrent.atomic.AtomicBoolean finished = new java.util.concurrent.atomic.AtomicBoolean();
        CountDownLatch done = staff(staffThreads, "bench-drain", () -> !finished.get(), this::complete);
        awaitUntil(() -> openCases() == 0, 600_000, "open cases to be walked to their end");
        finished.set(true);
        done.await();
    }

    /**
     * Starts {@code threads} simulated staff, each taking the next task that reached an inbox and handing it to
     * {@code work} for as long as {@code going} holds; the latch opens when all of them have stopped.
     */
    private CountDownLatch staff(int threads, String name, java.util.function.BooleanSupplier going,
            java.util.function.Consumer<TaskMessage> work) {
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                try {
                    while (going.getAsBoolean()) {
                        TaskMessage m = ready.poll(50, TimeUnit.MILLISECONDS);
                        if (m != null) {
                            work.accept(m);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            }, name + "-" + t).start();
        }
        return done;
    }

    /** Completes one task with the outcome its case's branch takes; true if it was the case's last step. */
    private boolean complete(TaskMessage m) {
        Step step = sop.requireStep(m.stepNo());
        String outcome = null;
        if (step.isDecision()) {
            List<Outcome> forward = step.outcomesOrEmpty().stream()
                    .filter(o -> !o.awaitApplicant() && o.next() > step.no()).toList();
            outcome = forward.get(forward.size() > 1 && !recommend.getOrDefault(m.applicationId(), true)
                    ? 1 : 0).id();
        }
        workflow.complete(m.taskId(), outcome, null, staff);
        return step.next() == null && !step.isDecision();
    }

    private long openCases() {
        Long n = hub.jdbc().queryForObject(
                "SELECT COUNT(*) FROM application WHERE status IN ('IN_PROGRESS', 'AWAITING_APPLICANT')"
                        + " AND id NOT LIKE 'bench-%' AND channel <> 'email'", Long.class);
        return n == null ? 0 : n;
    }

    static NewApplication application(int i) {
        return new NewApplication(null,
                new Application.Applicant("Budi Santoso " + i, "budi" + i + "@contoh.co.id", "081234567890"),
                new Application.Company("PT Kopi Sidikalang Jaya " + i, "9120001234567", "012345678901000",
                        "Jl. Sisingamangaraja No. 10, Sidikalang", "10761"),
                "Perluasan kapasitas produksi kopi bubuk", "API");
    }

    static void awaitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            // A benchmark harness poll (not a test's wait): park briefly between checks.
            LockSupport.parkNanos(10_000_000L);
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for " + what);
            }
        }
    }
}
