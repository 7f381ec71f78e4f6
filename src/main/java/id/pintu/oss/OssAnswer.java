package id.pintu.oss;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * OSS's answer to one method, unwrapped from {@code {"respon<method>": {...}}}.
 *
 * @param httpStatus the HTTP status
 * @param kode the {@code kode} inside the wrapper (200 is success)
 * @param keterangan OSS's reason text
 * @param body the inner object (with {@code kode}, {@code keterangan} and the method's data)
 */
public record OssAnswer(int httpStatus, int kode, String keterangan, JsonNode body) {

    public boolean ok() {
        return httpStatus / 100 == 2 && kode == 200;
    }

    public String text(String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
