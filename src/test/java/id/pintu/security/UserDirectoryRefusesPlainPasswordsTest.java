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
