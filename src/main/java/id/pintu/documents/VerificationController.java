package id.pintu.documents;

import id.pintu.security.LimitsProperties;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/** Public verification: by code (JSON and the page the QR code opens) and by uploading the file. */
@RestController
class VerificationController {

    private final DocumentVerification verification;
    /** pintu.limits.large-body-max: a raw body over it is refused while read (RequestBodyLimitFilter), an upload
     * here. */
    private final long maxUpload;

    VerificationController(DocumentVerification verification, LimitsProperties limits) {
        this.verification = verification;
        this.maxUpload = limits.largeBodyMax().toBytes();
    }

    @GetMapping("/api/verify/{code}")
    ResponseEntity<?> byCode(@PathVariable String code) {
        return verification.byCode(code)
                .<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
                        .body(Map.of("genuine", false, "error", "no document with this verification code")));
    }

    @PostMapping(value = "/api/verify", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<?> upload(@RequestParam("file") MultipartFile file) throws IOException {
        return check(file.getBytes());
    }

    @PostMapping(value = "/api/verify", consumes = {MediaType.APPLICATION_PDF_VALUE,
        MediaType.APPLICATION_OCTET_STREAM_VALUE})
    ResponseEntity<?> raw(@RequestBody byte[] body) {
        return check(body);
    }

    private ResponseEntity<?> check(byte[] content) {
        if (content == null || content.length == 0) {
            return ResponseEntity.badRequest().body(Map.of("errors",
                    java.util.List.of(Map.of("field", "file", "message", "send the PDF to verify"))));
        }
        if (content.length > maxUpload) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(Map.of("status", 413, "error",
                    "a document larger than " + maxUpload / 1024 / 1024 + " MB is not one the office issued"));
        }
        return ResponseEntity.ok(verification.file(content));
    }

    /** The page a QR code opens; in Bahasa Indonesia, for whoever holds the paper. */
    @GetMapping(value = "/verifikasi/{code}", produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    ResponseEntity<String> page(@PathVariable String code) {
        var facts = verification.byCode(code);
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Verifikasi Dokumen</title><style>body{font-family:sans-serif;max-width:40em;margin:2em auto;"
                + "padding:0 1em}.ok{color:#1b5e20}.no{color:#b71c1c}td{padding:.3em .8em .3em 0;vertical-align:top}"
                + "code{word-break:break-all}</style></head><body><h1>Verifikasi Dokumen</h1>");
        if (facts.isEmpty()) {
            html.append("<p class=\"no\"><strong>Dokumen tidak ditemukan.</strong> Kode verifikasi <code>")
                    .append(HtmlUtils.htmlEscape(code))
                    .append("</code> tidak terdaftar. Dokumen dengan kode ini bukan dokumen yang diterbitkan oleh kantor kami.</p>");
        } else {
            DocumentVerification.Facts f = facts.get();
            html.append("<p class=\"ok\"><strong>Dokumen asli.</strong> Dokumen ini terdaftar sebagai dokumen yang diterbitkan"
                    + " dan disegel secara elektronik oleh kantor kami.</p><table>");
            row(html, "Jenis dokumen", f.document());
            row(html, "Nomor", f.number() == null ? "-" : f.number());
            row(html, "Atas nama", f.holder());
            row(html, "Tanggal", f.date());
            html.append("<tr><td>SHA-256</td><td><code>").append(HtmlUtils.htmlEscape(f.sha256())).append("</code></td></tr>");
            html.append("</table><p>Untuk memastikan berkas PDF yang Anda pegang tidak diubah, bandingkan nilai SHA-256 berkas"
                    + " tersebut dengan nilai di atas, atau unggah berkasnya ke <code>POST /api/verify</code>.</p>");
        }
        html.append("</body></html>");
        return ResponseEntity.status(facts.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
                .body(html.toString());
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td>").append(label).append("</td><td>").append(HtmlUtils.htmlEscape(value == null ? "-" : value))
                .append("</td></tr>");
    }
}
