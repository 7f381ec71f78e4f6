package id.pintu.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.WebSession;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * PostgreSQL refuses any text holding a NUL (the statement fails, the request answers 500, the email or push is
 * lost to an error): a JSON body and a multipart form's field reach the records without control characters (an OSS
 * push: {@code OssInboundTest}). H2 (here) would keep a NUL, so what is stored shows what was stripped.
 */
@HubTest
class ControlCharactersNeverReachTheRecordsTest {

    @Autowired
    Api api;

    @LocalServerPort
    int port;

    @Test
    void jsonBodyStringsAndMultipartFieldsAreStoredWithoutControlCharacters() throws Exception {
        Map<String, Object> application = new HashMap<>(Api.application(871));
        application.put("company", Map.of("name", "PT Kopi\u0000 Sidikalang\u0007 871", "nib", "9120001234567",
                "npwp", "012345678901000", "address", "Jl. Sisingamangaraja\u001b No. 10", "kbli", "10761"));
        application.put("description", "Perluasan\u0000 kapasitas\tproduksi\nkopi");
        String id = api.submit(application).get("id").asText();

        JsonNode stored = api.getCase(id);
        assertThat(stored.get("company").get("name").asText()).isEqualTo("PT Kopi Sidikalang 871");
        assertThat(stored.get("company").get("address").asText()).isEqualTo("Jl. Sisingamangaraja No. 10");
        // Tab and line end are text, not control: they stay
        assertThat(stored.get("description").asText()).isEqualTo("Perluasan kapasitas\tproduksi\nkopi");

        // A note typed on the task page comes as a multipart form (with its optional report file)
        JsonNode task = api.awaitTask(id, 2);
        String taskId = task.get("taskId").asText();
        WebSession clerk = WebSession.login(port, task.get("actor").asText());
        String page = new String(clerk.get("/tugas/" + taskId).body(), StandardCharsets.UTF_8);
        HttpResponse<byte[]> done = clerk.postMultipart("/tugas/" + taskId + "/selesai", page,
                Map.of("outcome", "complete", "note", "Berkas\u0000 lengkap\u0008"), "berkas", "",
                "application/octet-stream", new byte[0]);
        assertThat(done.statusCode()).isEqualTo(302);
        api.awaitTask(id, 3);
        JsonNode history = api.getCase(id).get("history");
        assertThat(history).filteredOn(h -> h.get("taskId").asText().equals(taskId))
                .singleElement().satisfies(h -> assertThat(h.get("note").asText()).isEqualTo("Berkas lengkap"));
    }
}
