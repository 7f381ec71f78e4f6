package id.pintu.bench;

import java.util.Comparator;
import java.util.List;

/**
 * The measured rounds of one throughput figure. On this machine two runs of the same code differ by up to a fifth,
 * and so do rounds of one run; a figure is the median round's, with the slowest and the fastest beside it, so that a
 * before/after comparison can tell a change from the spread.
 */
record Rounds(List<StaffSimulation.Throughput> all) {

    Rounds {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no measured round");
        }
        all = List.copyOf(all);
    }

    /** The median of the rounds' rates (of an even count, the lower middle one). */
    double perSecond() {
        return sorted(Comparator.comparingDouble(StaffSimulation.Throughput::perSecond)).perSecond();
    }

    /** The median of the rounds' CPU time per transition (a round of its own, not the median rate's round). */
    double cpuMillisPerTransition() {
        return sorted(Comparator.comparingDouble(StaffSimulation.Throughput::cpuMillisPerTransition))
                .cpuMillisPerTransition();
    }

    /** The median of the rounds' database writes per transition (see BenchHub#databaseWork). */
    double databaseWritesPerTransition() {
        return sorted(Comparator.comparingDouble(StaffSimulation.Throughput::databaseWritesPerTransition))
                .databaseWritesPerTransition();
    }

    /** The median of the rounds' WAL syncs per transition (PostgreSQL; 0 on H2). */
    double databaseSyncsPerTransition() {
        return sorted(Comparator.comparingDouble(StaffSimulation.Throughput::databaseSyncsPerTransition))
                .databaseSyncsPerTransition();
    }

    double slowest() {
        return all.stream().mapToDouble(StaffSimulation.Throughput::perSecond).min().orElseThrow();
    }

    double fastest() {
        return all.stream().mapToDouble(StaffSimulation.Throughput::perSecond).max().orElseThrow();
    }

    long mostBehind() {
        return all.stream().mapToLong(StaffSimulation.Throughput::eventsBehind).max().orElseThrow();
    }

    long mostOutboxBehind() {
        return all.stream().mapToLong(StaffSimulation.Throughput::outboxBehind).max().orElseThrow();
    }

    int cases() {
        return all.get(0).cases();
    }

    long transitions() {
        return all.get(0).transitions();
    }

    int count() {
        return all.size();
    }

    private StaffSimulation.Throughput sorted(Comparator<StaffSimulation.Throughput> order) {
        return all.stream().sorted(order).toList().get((all.size() - 1) / 2);
    }
}
