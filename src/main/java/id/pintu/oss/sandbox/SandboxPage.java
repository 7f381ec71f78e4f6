package id.pintu.oss.sandbox;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The sandbox's page: plain HTML, clearly marked as not OSS, listing the switches, records and requests. */
@RestController
@ConditionalOnProperty(prefix = "pintu.oss.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
class SandboxPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Jakarta"));

    private final OssSandbox sandbox;
    private final SandboxRepository repository;

    SandboxPage(OssSandbox sandbox, SandboxRepository repository) {
        this.sandbox = sandbox;
        this.repository = repository;
    }

    @GetMapping(path = {"/oss-sandbox", "/oss-sandbox/"}, produces = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8")
    String page() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"10\">")
                .append("<title>OSS SANDBOX — bukan sistem OSS</title><style>")
                .append("body{font-family:sans-serif;margin:1.5em}table{border-collapse:collapse;font-size:.85em}")
                .append("td,th{border:1px solid #999;padding:.2em .5em;vertical-align:top}")
                .append(".warn{background:#b00020;color:#fff;padding:.8em;font-weight:bold}</style></head><body>")
                .append("<h1>OSS SANDBOX — bukan sistem OSS</h1>")
                .append("<p class=\"warn\">Ini tiruan lokal antarmuka OSS RBA untuk uji coba Pintu. Data di sini TIDAK dikirim ke ")
                .append("OSS dan tidak berlaku sebagai izin. / This is a local stand-in of the OSS RBA interface for testing ")
                .append("Pintu. Nothing here reaches OSS or has legal effect.</p>");
        h.append("<h2>Sakelar / Switches</h2><p><code>").append(esc(sandbox.switches().toString()))
                .append("</code></p><p>Ubah dengan / change with <code>POST /oss-sandbox/control</code> ")
                .append("(JSON, mis. <code>{\"down\": true}</code>, <code>{\"errorRate\": 0.3}</code>, ")
                .append("<code>{\"timeoutNext\": 1}</code>, <code>{\"reset\": true}</code>).</p>");
        h.append("<h2>Data tersimpan / Records</h2><table><tr><th>Waktu</th><th>Metode</th><th>id_permohonan</th>")
                .append("<th>id_izin</th><th>NIB</th><th>kd_status</th></tr>");
        for (SandboxRepository.Record r : repository.records("", 200)) {
            h.append("<tr><td>").append(TIME.format(r.createdAt())).append("</td><td>").append(esc(r.method()))
                    .append("</td><td>").append(esc(r.key())).append("</td><td>").append(esc(r.idIzin()))
                    .append("</td><td>").append(esc(r.nib())).append("</td><td>").append(esc(r.kdStatus()))
                    .append("</td></tr>");
        }
        h.append("</table><h2>Permintaan diterima / Requests received</h2><table><tr><th>#</th><th>Waktu</th>")
                .append("<th>Metode</th><th>id_permohonan</th><th>HTTP</th><th>kode</th><th>Hasil</th></tr>");
        for (SandboxRepository.Received r : repository.requests("", 200)) {
            h.append("<tr><td>").append(r.seq()).append("</td><td>").append(TIME.format(r.receivedAt()))
                    .append("</td><td>").append(esc(r.method())).append("</td><td>").append(esc(r.key()))
                    .append("</td><td>").append(r.httpStatus()).append("</td><td>").append(r.kode())
                    .append("</td><td>").append(esc(r.outcome())).append("</td></tr>");
        }
        return h.append("</table></body></html>").toString();
    }

    private static String esc(String s) {
        return s == null ? "" : HtmlUtils.htmlEscape(s);
    }
}
