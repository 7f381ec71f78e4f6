package id.pintu.scale;

import java.util.List;

/** How the scale-out and crash-battery ITs run hub processes. */
final class ScaleSupport {

    /** A small heap and a quick JIT: these hubs are restarted many times on a small CI machine. */
    static final List<String> JVM = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:CICompilerCount=1");

    private ScaleSupport() {}

    /** Each hub's embedded mail server on free ports (0 = chosen at start-up, docs/mail.md), never 3025/3143. */
    static List<String> mailArgs() {
        return List.of("--pintu.mail.smtp.port=0", "--pintu.mail.imap.port=0");
    }
}
