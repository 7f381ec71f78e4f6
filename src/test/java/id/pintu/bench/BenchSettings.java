package id.pintu.bench;

/**
 * Sizes of one benchmark run, from {@code -Dbench.scale=small|full}; sizes can also be set one by one, as
 * {@code -Dbench.sizes=cases=300,latency-completions=3000} on the Maven command line (or {@code -Dbench.cases=300}
 * in the benchmark's JVM). The full run took 46 minutes on two cores (twenty-second session) and needs about 25 GB
 * of free disk at its peak (the H2 file with 1M finished cases).
 *
 * @param postgres run on embedded PostgreSQL instead of the embedded H2 file ({@code -Dbench.db=postgres})
 * @param cases cases walked to the end for one throughput figure (both branches, alternating)
 * @param warmupCases cases walked in each warm-up round before the first figure, so the JIT has compiled the
 *     transition path
 * @param warmupRounds at most this many warm-up rounds; they stop earlier once a round costs no less CPU per
 *     transition than the round before (less by under {@link #WARM_WITHIN}: the hub runs at its steady state)
 * @param rounds measured rounds of {@code cases} each for the throughput figures of the hub, its workflow core and
 *     the reference ({@code -Dbench.sizes=rounds=5}): each figure is the median round's, printed with the slowest
 *     and the fastest round
 * @param staff simulated staff threads completing tasks as fast as they can
 * @param latencyCompletions completions issued at the fixed rate of the latency figure
 * @param latencySteady the latency run's cases start spread over the SOP's steps and a closed case is replaced
 *     ({@code -Dbench.latency-mix=steady}, the default); {@code waves}: all start at step 2 and move in step, as
 *     until the sixteenth session
 * @param rawMessages messages sent and received for the raw broker rate
 * @param openCases open cases in the database for the heap figure
 * @param openTasks open tasks in the database for the SLA scan figure
 * @param overdueTasks of which this many are overdue at once
 * @param finishedSteps the finished-history sizes of the scaling curve (cases, each with its full history)
 * @param consumerSteps consumer threads per actor queue of the scaling curve
 * @param pdfDocuments documents rendered for the PDF figure
 * @param emails applications sent by email for the intake figure
 * @param h2Transitions transitions of each H2 ageing run ({@code h2store}: the file's chunks without and with the
 *     hub's housekeeping)
 * @param phases the parts to run ({@code -Dbench.phases=throughput,latency}; default all): {@code throughput} (raw
 *     broker and maximum transitions), {@code latency} (at half the maximum), {@code pdf}, {@code history} (the
 *     maximum with 10k/100k/1M finished cases), {@code capacity} (heap with open cases, escalation passes),
 *     {@code email} (intake rate), {@code consumers} (the maximum with 1 and 4 consumers per queue), {@code core}
 *     (the maximum of the workflow core: no OSS calls, documents or mails), {@code reference} (Flowable executing
 *     the same SOP in its own JVM, {@code bench/reference-flowable}), {@code h2store} (H2 only: how the
 *     file ages without and with the housekeeping, see {@code H2ChunkGrowth}); start-up is
 *     always measured, and the maximum whenever a phase needs it
 * @param hubArgs extra hub settings ({@code -Dbench.hub-args="--pintu.workflow.relay.threads=4"}), for before/after
 * @param referenceArgs extra settings of the reference run ({@code -Dbench.reference-args="-Dreference.history=audit"})
 */
record BenchSettings(String scale, boolean postgres, int cases, int warmupCases, int warmupRounds, int rounds,
        int staff, int latencyCompletions, boolean latencySteady, int rawMessages, int openCases, int openTasks,
        int overdueTasks, int[] finishedSteps, int[] consumerSteps, int pdfDocuments, int emails, int h2Transitions,
        java.util.Set<String> phases, java.util.List<String> hubArgs, java.util.List<String> referenceArgs) {

    /** A warm-up round cheaper per transition than the one before by less than this share: the steady state. */
    static final double WARM_WITHIN = 0.07;

    /** The parts of a run, in the order they run; {@code -Dbench.phases=all} (the default) or a comma list. */
    static final java.util.List<String> PHASES =
            java.util.List.of("throughput", "latency", "pdf", "history", "capacity", "email", "consumers", "core",
                    "reference", "h2store");

    boolean runs(String phase) {
        return phases.contains(phase);
    }

    static BenchSettings fromSystemProperties() {
        String scale = System.getProperty("bench.scale", "full");
        boolean small = scale.equals("small");
        if (!small && !scale.equals("full")) {
            throw new IllegalArgumentException("bench.scale must be small or full, not " + scale);
        }
        String db = System.getProperty("bench.db", "h2");
        if (!db.equals("h2") && !db.equals("postgres")) {
            throw new IllegalArgumentException("bench.db must be h2 or postgres, not " + db);
        }
        return new BenchSettings(scale, db.equals("postgres"),
                size("bench.cases", small ? 150 : 800),
                size("bench.warmup-cases", small ? 150 : 400),
                Math.max(1, size("bench.warmup-rounds", 6)),
                size("bench.rounds", 3),
                size("bench.staff", 16),
                size("bench.latency-completions", small ? 1_500 : 8_000),
                latencyMix(System.getProperty("bench.latency-mix", "steady")),
                size("bench.raw-messages", small ? 3_000 : 20_000),
                size("bench.open-cases", small ? 10_000 : 100_000),
                size("bench.open-tasks", small ? 100_000 : 1_000_000),
                size("bench.overdue-tasks", small ? 1_000 : 10_000),
                small ? new int[] {1_000, 10_000} : new int[] {10_000, 100_000, 1_000_000},
                new int[] {1, 2, 4},
                size("bench.pdf-documents", small ? 100 : 500),
                size("bench.emails", small ? 50 : 200),
                size("bench.h2-transitions", small ? 100_000 : 200_000),
                phases(System.getProperty("bench.phases", "all")),
                words(System.getProperty("bench.hub-args", "")),
                words(System.getProperty("bench.reference-args", "")));
    }

    private static boolean latencyMix(String value) {
        if (!value.equals("steady") && !value.equals("waves")) {
            throw new IllegalArgumentException("bench.latency-mix must be steady or waves, not " + value);
        }
        return value.equals("steady");
    }

    private static java.util.List<String> words(String value) {
        return java.util.Arrays.stream(value.trim().split("\\s+")).filter(a -> !a.isEmpty()).toList();
    }

    private static java.util.Set<String> phases(String value) {
        if (value.isBlank() || value.equals("all")) {
            return java.util.Set.copyOf(PHASES);
        }
        java.util.Set<String> phases = new java.util.HashSet<>();
        for (String p : value.split(",")) {
            String phase = p.trim();
            if (!PHASES.contains(phase)) {
                throw new IllegalArgumentException("bench.phases: " + phase + " is none of all, " + PHASES);
            }
            phases.add(phase);
        }
        return java.util.Set.copyOf(phases);
    }

    private static int size(String property, int defaultValue) {
        String key = property.substring("bench.".length());
        Integer fromSizes = java.util.Arrays.stream(System.getProperty("bench.sizes", "").split(","))
                .map(String::trim).filter(p -> p.startsWith(key + "="))
                .map(p -> Integer.valueOf(p.substring(key.length() + 1))).findFirst().orElse(null);
        int v = fromSizes != null ? fromSizes : Integer.getInteger(property, defaultValue);
        if (v < 1) {
            throw new IllegalArgumentException(property + " must be positive");
        }
        return v;
    }
}
