package id.pintu.scale;

import java.util.List;

/** How the scale-out and crash-battery ITs run hub processes (HubProcess already puts mail on free ports). */
final class ScaleSupport {

    /** A small heap and a quick JIT: these hubs are restarted many times on a small CI machine. */
    static final List<String> JVM = List.of("-Xms128m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
            "-Xshare:auto", "-XX:CICompilerCount=1");

    private ScaleSupport() {}
}
