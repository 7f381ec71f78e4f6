package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.pintu.sop.SopCatalog;
import id.pintu.support.HubTest;
import jakarta.validation.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Passwords are only ever stored hashed: a users file with a plain-text password stops start-up with a message
 * naming the entry, as does an email that is no address; every shipped demo user's password is a bcrypt hash that the
 * encoder accepts, and each has an address.
 */
@HubTest
class UserDirectoryRefusesPlainPasswordsTest {

    @Autowired
    SopCatalog catalog;

    @Autowired
    Validator validator;

    @Autowired
    UserDirectory shipped;

    @Autowired
    PasswordEncoder encoder;

    @TempDir
    Path dir;

    @Test
    void plainTextPasswordIsRefused() throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, """
                users:
                  - username: kadis
                    password: demo
                    actors: [kadis]
                """);
        assertThatThrownBy(() -> new UserDirectory(new SecurityProperties(file, java.time.Duration.ofMinutes(1)), catalog, validator))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("users[0], field password");
    }

    /**
     * Spring's delegating encoder takes {noop} (the plain password), weak hashes and, for an unknown prefix, throws at
     * every login (500, no failed login recorded): the users file was accepted with any value starting with "{".
     */
    @ParameterizedTest
    @ValueSource(strings = {"{noop}demo", "{MD5}fe01ce2a7fbac8fafaed7c982a04e229", "{SHA-1}abc", "{foo}x",
        "{bcrypt}demo", "{bcrypt}$2a$10$REPLACE_WITH_A_REAL_HASH"})
    void aPasswordThatIsNoStrongHashIsRefused(String password) throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n  - username: kadis\n    password: \"" + password
                + "\"\n    actors: [kadis]\n");
        assertThatThrownBy(() -> directory(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("users[0], field password");
    }

    /** Usernames go into columns of 64 characters (OSS retries, audit subjects): a longer one is refused here. */
    @Test
    void aUsernameLongerThanTheRecordsHoldIsRefused() throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, "users:\n  - username: " + "k".repeat(65) + "\n    password: \""
                + StaffChangedWhileRunningTest.DEMO_HASH + "\"\n    actors: [kadis]\n");
        assertThatThrownBy(() -> directory(file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("users[0], field username");
    }

    private UserDirectory directory(Path file) {
        return new UserDirectory(new SecurityProperties(file, java.time.Duration.ofMinutes(1)), catalog, validator);
    }

    @Test
    void anEmailThatIsNoAddressIsRefused() throws Exception {
        Path file = dir.resolve("users.yaml");
        Files.writeString(file, """
                users:
                  - username: kadis
                    password: "{bcrypt}$2a$10$wLUjeHSpbsuOPhF41wbq5O7r052CncIv33ljvzHR5ib2S5UciQuqm"
                    actors: [kadis]
                    email: kadis di kantor
                """);
        assertThatThrownBy(() -> new UserDirectory(new SecurityProperties(file, java.time.Duration.ofMinutes(1)), catalog, validator))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("users[0], field email");
    }

    @Test
    void shippedUsersAreBcryptHashes() {
        assertThat(shipped.all()).isNotEmpty().allSatisfy(u -> {
            assertThat(u.password()).startsWith("{bcrypt}$2");
            assertThat(encoder.matches("demo", u.password())).isTrue();
            assertThat(encoder.matches("salah", u.password())).isFalse();
            assertThat(u.email()).endsWith("@dpmptsp.dairikab.go.id");
        });
    }
}
