package id.pintu.oss;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

/**
 * Step 4 checks the applicant's NIB with OSS ({@code inqueryNIB}) before registering: a NIB OSS does not know, or
 * one OSS holds under another NPWP, is not registered but becomes an open failure for staff with the reason; the
 * same NPWP written in its 16-digit form passes.
 */
@HubTest
class OssNibCheckTest extends OssSandboxReset {

    @Test
    void aNibOssDoesNotKnowIsNotRegisteredButATaskForStaff() {
        // 9999999999999 is the sandbox's unregistered NIB (pintu.oss.sandbox.unknown-nibs).
        String id = steps.throughStep4(api.submit(company(651, "9999999999999", "012345678901000")));

        JsonNode failure = steps.openFailure(id);
        assertThat(failure.get("step").asInt()).isEqualTo(4);
        assertThat(failure.get("error").asText()).contains("OSS does not know NIB 9999999999999")
                .contains("inqueryNIB kode 404");
        assertThat(api.openTask(id)).isEmpty();
        assertThat(steps.sandboxRecords(id, 4)).as("nothing registered in OSS").isEmpty();

        // The applicant gives the right NIB; the front office corrects the case and the back office retries the
        // call, which now carries the corrected NIB (the stored request held the one OSS refused)
        Map<String, Object> correction = new HashMap<>(company(651, "9120001234651", "012345678901000"));
        correction.remove("sop");
        correction.remove("description");
        correction.put("reason", "NIB dari OSS salah ketik di formulir");
        assertThat(api.call(HttpMethod.PUT, "/api/applications/" + id + "/applicant-data", correction, "front-office")
                .status()).isEqualTo(200);
        assertThat(api.call(HttpMethod.POST, "/api/oss/failures/" + failure.get("id").asText() + "/retry", null,
                "front-office").status()).isEqualTo(200);
        api.awaitTask(id, 5);
        assertThat(steps.sandboxRecords(id, 4)).singleElement()
                .satisfies(r -> assertThat(r.toString()).contains("9120001234651"));
    }

    @Test
    void aNibOssHoldsUnderAnotherNpwpIsATaskForStaff() {
        String first = steps.throughStep4(api.submit(company(652, "9120007777777", "012345678901000")));
        api.awaitTask(first, 5);
        assertThat(steps.sandboxRecords(first, 4)).hasSize(1);

        String other = steps.throughStep4(api.submit(company(653, "9120007777777", "029876543210000")));
        assertThat(steps.openFailure(other).get("error").asText())
                .contains("NIB 9120007777777 is registered in OSS with NPWP 012345678901000")
                .contains("the dossier says 029876543210000");
        assertThat(steps.sandboxRecords(other, 4)).isEmpty();

        String sixteen = steps.throughStep4(api.submit(company(654, "9120007777777", "0012345678901000")));
        api.awaitTask(sixteen, 5);
        assertThat(steps.sandboxRecords(sixteen, 4)).hasSize(1);
    }

    private static Map<String, Object> company(int i, String nib, String npwp) {
        Map<String, Object> application = new HashMap<>(Api.application(i));
        @SuppressWarnings("unchecked")
        Map<String, Object> company = new HashMap<>((Map<String, Object>) application.get("company"));
        company.put("nib", nib);
        company.put("npwp", npwp);
        application.put("company", company);
        return application;
    }
}
