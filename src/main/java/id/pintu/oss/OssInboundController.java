package id.pintu.oss;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hub as OSS's server: {@code POST /api/oss/inbound/{method}}. Not a staff login: OSS proves itself with the
 * shared secret in the key header ({@code pintu.oss.inbound-key}), checked here (the path is open in the API's
 * security chain). Answers use OSS's own wrapper, {@code {"respon<method>": {"kode", "keterangan"}}}, with the
 * same HTTP status.
 */
@RestController
class OssInboundController {

    private final OssInbound inbound;
    private final OssProperties properties;

    OssInboundController(OssInbound inbound, OssProperties properties) {
        this.inbound = inbound;
        this.properties = properties;
    }

    @PostMapping(path = "/api/oss/inbound/{method}")
    ResponseEntity<Map<String, Object>> receive(@PathVariable String method,
            @RequestHeader HttpHeaders headers, @RequestBody(required = false) String body) {
        String key = headers.getFirst(properties.keyHeader());
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                properties.inboundKey().getBytes(StandardCharsets.UTF_8))) {
            return reply(method, OssInbound.Reply.of(401, "kunci akses (" + properties.keyHeader() + ") tidak sah"));
        }
        return reply(method, inbound.receive(method, body));
    }

    private static ResponseEntity<Map<String, Object>> reply(String method, OssInbound.Reply r) {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("kode", r.kode());
        inner.put("keterangan", r.keterangan());
        inner.putAll(r.extra());
        return ResponseEntity.status(r.kode()).body(Map.of("respon" + method, inner));
    }
}
