package id.pintu.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port free now, below the range the OS hands out to outgoing connections (Linux: 32768-60999). A server given a
 * port binds it a moment (or seconds) later; a port from that range (what {@code new ServerSocket(0)} returns) can be
 * taken meanwhile as the local end of any connection on the machine, and the server then fails to start: the crash
 * battery once lost a run to a standalone hub's IMAP port, and a test context to its embedded mail server's.
 */
public final class FreePorts {

    static final int FROM = 20_000;
    static final int TO = 32_000;

    private FreePorts() {}

    public static int belowEphemeralRange() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int candidate = random.nextInt(FROM, TO);
            try (ServerSocket s = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
                return s.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new UncheckedIOException(new IOException("no free port between " + FROM + " and " + TO
                + " in 100 tries"));
    }
}
