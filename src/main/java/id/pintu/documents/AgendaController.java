package id.pintu.documents;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The agenda book of outgoing letters, for staff: as JSON, and as CSV for a spreadsheet. */
@RestController
@RequestMapping("/api/agenda")
class AgendaController {

    private final AgendaBook agenda;

    AgendaController(AgendaBook agenda) {
        this.agenda = agenda;
    }

    @GetMapping
    List<AgendaBook.Entry> list(@RequestParam(required = false) String type, @RequestParam(required = false) Integer year) {
        return agenda.list(blankToNull(type), year);
    }

    @GetMapping(value = "/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String type,
            @RequestParam(required = false) Integer year) {
        StringBuilder csv = new StringBuilder("letter_type,year,seq,number,application_id,document_kind,subject,addressee,recorded_at,recorded_by\r\n");
        for (AgendaBook.Entry e : agenda.list(blankToNull(type), year)) {
            csv.append(String.join(",", cell(e.letterType()), Integer.toString(e.year()), Long.toString(e.seq()),
                    cell(e.number()), cell(e.applicationId()), cell(e.documentKind()), cell(e.subject()),
                    cell(e.addressee()), cell(e.recordedAt().toString()), cell(e.recordedBy()))).append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"buku-agenda.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is defused so that a spreadsheet does not run it as a formula. */
    static String cell(String v) {
        if (v == null) {
            return "";
        }
        String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
        boolean quote = !s.equals(v) || s.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
