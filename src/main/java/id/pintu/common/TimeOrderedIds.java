package id.pintu.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Row ids that sort by creation time (UUID version 7, RFC 9562: 48 bits of Unix milliseconds, then random bits),
 * in the same 36-character form as before. A random id lands anywhere in its table's primary-key tree and in every
 * index that holds it (a task's id, a case's id in the task and audit indexes): each insert then rewrites a leaf
 * page nobody touched for a while, which on H2 is a page copied into the commit's chunk and a hole left in an old
 * chunk, and on PostgreSQL a full-page image in the WAL. Ids of one moment share the tree's right edge instead.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TimeOrderedIds() {
    }

    /** A new id of this moment. */
    public static String next(Instant now) {
        long high = (now.toEpochMilli() << 16) | 0x7000L | (RANDOM.nextInt() & 0x0fffL);
        long low = (RANDOM.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /**
     * An id derived from {@code source} and {@code name}, the same every time (a message delivered twice yields the
     * same row id), that sorts with {@code source}: it keeps the 48 time bits of a time-ordered {@code source} and
     * takes the rest from a SHA-256 of both. For any other {@code source} (an id of before this scheme) it is the
     * name-based UUID of both ({@link UUID#nameUUIDFromBytes}), as ids were derived then.
     */
    public static String derived(String source, String name) {
        byte[] input = (source + name).getBytes(StandardCharsets.UTF_8);
        UUID from = parse(source);
        if (from == null || from.version() != 7) {
            return UUID.nameUUIDFromBytes(input).toString();
        }
        byte[] h = sha256(input);
        long hashHigh = 0;
        long hashLow = 0;
        for (int i = 0; i < 8; i++) {
            hashHigh = (hashHigh << 8) | (h[i] & 0xff);
            hashLow = (hashLow << 8) | (h[8 + i] & 0xff);
        }
        long high = (from.getMostSignificantBits() & 0xffffffffffff0000L) | 0x7000L | (hashHigh & 0x0fffL);
        long low = (hashLow & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
