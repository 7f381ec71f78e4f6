package id.pintu.oss;

import id.pintu.support.Api;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The frame of the OSS tests that switch the sandbox: the API, the {@link OssSteps}, and the sandbox back to its
 * defaults before and after each test, so that a switch left on never reaches the next test.
 */
abstract class OssSandboxReset {

    @Autowired
    Api api;

    OssSteps steps;

    @BeforeEach
    void resetSandboxBefore() {
        steps = new OssSteps(api);
        steps.resetSandbox();
    }

    @AfterEach
    void resetSandboxAfter() {
        steps.resetSandbox();
    }
}
