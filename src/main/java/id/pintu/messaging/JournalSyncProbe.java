package id.pintu.messaging;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;

/**
 * How long one synced 4 KB write takes on the disk of the broker's journal, measured the way {@code artemis create}
 * measures it before it writes {@code journal-buffer-timeout} into a standalone broker's {@code broker.xml}: blocks
 * written one by one into a file laid out beforehand (as the journal's files are), each followed by a data sync.
 * The journal waits up to its buffer timeout to gather writes for one sync; waiting about as long as a sync takes
 * batches well on any disk, where Artemis's fixed default (3.33 ms for the NIO journal) makes every send and
 * transaction on a fast disk wait ten times longer than its sync.
 */
final class JournalSyncProbe {

    static final int BLOCK = 4096;
    static final String FILE = "pintu-sync-probe.tmp";

    private JournalSyncProbe() {
    }

    /**
     * The median time of one synced write: {@code writes} writes after two untimed ones, fewer if the disk is so
     * slow that they would take longer than {@code budget} (at least five are timed). The probe's file is removed.
     */
    static Duration measure(Path directory, int writes, Duration budget) throws IOException {
        if (writes < 1) {
            throw new IllegalArgumentException("writes must be at least 1, not " + writes);
        }
        Files.createDirectories(directory);
        Path file = directory.resolve(FILE);
        int warm = 2;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer zeros = ByteBuffer.allocateDirect(BLOCK);
            for (int i = 0; i < warm + writes; i++) {
                zeros.clear();
                channel.write(zeros, (long) i * BLOCK);
            }
            channel.force(true);
            ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
            for (int i = 0; i < BLOCK; i++) {
                block.put((byte) ('a' + i % 26));
            }
            long[] nanos = new long[writes];
            int timed = 0;
            long deadline = System.nanoTime() + budget.toNanos();
            for (int i = 0; i < warm + writes; i++) {
                block.clear();
                long start = System.nanoTime();
                channel.write(block, (long) i * BLOCK);
                channel.force(false);
                long end = System.nanoTime();
                if (i >= warm) {
                    nanos[timed++] = end - start;
                    if (timed >= 5 && end > deadline) {
                        break;
                    }
                }
            }
            long[] taken = Arrays.copyOf(nanos, timed);
            Arrays.sort(taken);
            return Duration.ofNanos(Math.max(1, taken[timed / 2]));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
