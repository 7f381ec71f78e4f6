package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * An office that overrides an OSS call (say, oss-register's kd-status) writes the whole entry; leaving out
 * {@code check-nib} keeps the default entry's value, so step 4's NIB check does not silently go away.
 */
class OssCallOverrideKeepsTheNibCheckTest {

    @Test
    void overriddenRegisterKeepsTheNibCheckUnlessTheEntrySaysOtherwise() {
        Map<String, String> settings = register("10");
        settings.putAll(Map.of(
                "pintu.oss.calls.oss-extra.method", "receiveLicenseStatus",
                "pintu.oss.calls.oss-extra.wrapper", "IZINSTATUS",
                "pintu.oss.calls.oss-extra.kd-status", "11"));
        OssProperties oss = bind(settings);

        assertThat(oss.call("oss-register").kdStatus()).isEqualTo("10");
        assertThat(oss.call("oss-register").checkNib()).isTrue();
        assertThat(oss.call("oss-extra").checkNib()).as("a new integration checks nothing unless told").isFalse();
        assertThat(oss.call("oss-status").checkNib()).isFalse();

        Map<String, String> off = register("10");
        off.put("pintu.oss.calls.oss-register.check-nib", "false");
        assertThat(bind(off).call("oss-register").checkNib()).isFalse();

        assertThat(bind(Map.of()).call("oss-register").checkNib()).isTrue();
    }

    private static Map<String, String> register(String kdStatus) {
        Map<String, String> settings = new HashMap<>();
        settings.put("pintu.oss.calls.oss-register.method", "receiveLicenseStatus");
        settings.put("pintu.oss.calls.oss-register.wrapper", "IZINSTATUS");
        settings.put("pintu.oss.calls.oss-register.kd-status", kdStatus);
        return settings;
    }

    private static OssProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("pintu.oss", OssProperties.class);
    }
}
