package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.Api;
import id.pintu.support.HubTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/** The sandbox's page is open, says plainly that it is not OSS, and lists what the sandbox received. */
@HubTest
class OssSandboxPageTest {

    @Autowired
    Api api;

    @Test
    void pageNamesItselfNotOssAndShowsTheRecords() {
        OssSteps steps = new OssSteps(api);
        steps.resetSandbox();
        String id = steps.throughStep4(651);
        api.awaitTask(id, 5);
        String idIzin = steps.oss(id).get("idIzin").asText();

        ResponseEntity<String> page = api.raw().getForEntity("/oss-sandbox/", String.class);

        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody()).contains("<title>OSS SANDBOX — bukan sistem OSS</title>").contains(idIzin)
                .contains(id + ":4:receiveLicenseStatus");
    }
}
