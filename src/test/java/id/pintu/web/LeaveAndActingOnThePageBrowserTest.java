package id.pintu.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.intake.MailTestSupport;
import id.pintu.mail.MailProperties;
import id.pintu.sla.MutableClock;
import id.pintu.sla.SlaTestClock;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The head of general affairs (Ksb. Umum) records on the leave page that the back office clerk is off sick from
 * today: the task the clerk held goes back to the role's inbox at once (the audit entry says until when and why), the
 * clerk can take no task while away, and the page warns that nobody else present holds the role and offers the
 * appointment of a Plh for the days of the leave: not the clerk who is away, not without the letter; a technical
 * team member appointed takes the task. Ending the Plh early sends the task back to the inbox. Wrong entries are
 * refused with every reason and the form keeps what was typed: days reversed, a user who does not exist (a forged
 * option), days that overlap the clerk's leave, and leave for the Sekretaris on days the Sekretaris is the Kadis's
 * Plh (acting file). The next day the clerk is back: the leave is ended early and the clerk works again. A leave that
 * has not begun is withdrawn. The front office sees no such page and a forged form from it is refused.
 */
@HubTest
@Import(SlaTestClock.class)
@TestPropertySource(properties = "pintu.acting.file=src/test/resources/acting/plh-and-leave.yaml")
class LeaveAndActingOnThePageBrowserTest {

    /** Monday 28 December 2026, 08:00 WIB: the Sekretaris is the Kadis's Plh from the 21st to the 31st. */
    private static final Instant MONDAY = Instant.parse("2026-12-28T01:00:00Z");
    /** Tuesday 29 December 2026, 08:00 WIB: the clerk is back a day early. */
    private static final Instant TUESDAY = Instant.parse("2026-12-29T01:00:00Z");

    @Autowired
    Api api;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MailProperties mailProperties;

    @LocalServerPort
    int port;

    @Test
    void leaveRecordedOnThePageTakesTheClerksRolesUntilItEnds() throws Exception {
        clock.set(SlaTestClock.START);
        String id = api.submit(Api.application(983)).get("id").asText();
        api.completeRejectBranchThrough(id, 4);
        String task = api.awaitTask(id, 5).get("taskId").asText();
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "backoffice").status())
                .isEqualTo(200);
        clock.set(MONDAY);

        try (Browser ksb = Browser.open(port)) {
            ksb.login("ksb-umum");
            ksb.find(By.id("nav-leave")).click();
            assertThat(ksb.path()).isEqualTo("/pegawai/cuti");
            assertThat(ksb.driver().findElements(By.cssSelector("#leave-table tbody tr"))).as("the acting file's")
                    .singleElement().extracting(WebElement::getText).asString()
                    .contains("11 Jan 2027 s.d. 15 Jan 2027", "Akan datang", "Cuti tahunan",
                            "Berkas konfigurasi (config/acting.yaml)", "Diubah oleh TI di berkas konfigurasi");

            // Days reversed: refused, the form keeps the choice
            fill(ksb, "backoffice", "2026-12-30", "2026-12-28", "Cuti sakit", "Surat dokter");
            assertThat(refusals(ksb))
                    .containsExactly("Hari terakhir (28 Des 2026) sebelum hari pertama (30 Des 2026).");
            assertThat(new Select(ksb.find(By.id("pegawai"))).getFirstSelectedOption().getAttribute("value"))
                    .isEqualTo("backoffice");
            assertThat(ksb.find(By.id("keterangan")).getAttribute("value")).isEqualTo("Surat dokter");

            // A user who is not in the users file (an option added to the page) and a made-up kind
            ksb.script("document.getElementById('pegawai').add(new Option('siapa', 'siapa'));"
                    + "document.getElementById('jenis').add(new Option('Libur', 'Libur'));");
            fill(ksb, "siapa", "2026-12-28", "2026-12-28", "Libur", "");
            assertThat(refusals(ksb)).containsExactly("Pegawai 'siapa' tidak ada dalam daftar pengguna.",
                    "Jenis 'Libur' tidak dikenal; pilih salah satu dari daftar.");

            // The Sekretaris is the Kadis's Plh on those days
            fill(ksb, "sekretaris", "2026-12-30", "2027-01-02", "Cuti tahunan", "");
            assertThat(refusals(ksb)).containsExactly("sekretaris ditunjuk sebagai Plt/Plh Kadis pada 21 Des 2026"
                    + " s.d. 31 Des 2026: yang tidak hadir tidak dapat menjabat; tunjuk orang lain dahulu.");

            // The clerk is off sick today and tomorrow
            fill(ksb, "backoffice", "2026-12-28", "2026-12-30", "Cuti sakit", "Surat dokter");
            assertThat(ksb.text(By.cssSelector("p.notice"))).isEqualTo(
                    "Cuti backoffice dicatat: 28 Des 2026 s.d. 30 Des 2026.");
            assertThat(ksb.text(By.id("leave-unheld"))).isEqualTo("Pada 28 Des 2026 tidak ada petugas hadir lain"
                    + " yang memegang peran: Backoffice / Ka Seksi Pelayanan I. Tunjuk Plh untuk peran itu di bawah"
                    + " (formulir sudah diisi dengan tanggal cutinya), agar tugasnya tidak menunggu.");
            assertThat(new Select(ksb.find(By.id("plh-peran"))).getFirstSelectedOption().getAttribute("value"))
                    .as("the appointment form, ready for a Plh of the role").isEqualTo("backoffice");
            assertThat(ksb.find(By.id("plh-dari")).getAttribute("value")).isEqualTo("2026-12-28");
            assertThat(ksb.find(By.id("plh-sampai")).getAttribute("value")).isEqualTo("2026-12-30");
            WebElement row = ksb.find(By.cssSelector("#leave-table tbody tr.leave-now"));
            assertThat(row.findElement(By.className("leave-days")).getText()).isEqualTo("28 Des 2026 s.d. 30 Des 2026");
            assertThat(row.findElement(By.className("leave-kind")).getText()).isEqualTo("Cuti sakit");
            assertThat(row.findElement(By.className("leave-note")).getText()).isEqualTo("Surat dokter");
            assertThat(row.getText()).contains("Sedang tidak hadir", "oleh ksb-umum");

            // A Plh for the role: not the clerk who is away, and not without the letter
            new Select(ksb.find(By.id("plh-pegawai"))).selectByValue("backoffice");
            new Select(ksb.find(By.id("plh-peran"))).selectByValue("kadis");
            ksb.script("document.getElementById('plh-dasar').removeAttribute('required');");
            submit(ksb, ksb.find(By.id("appoint")));
            assertThat(ksb.driver().findElements(By.cssSelector("#plh-refusals li"))).extracting(WebElement::getText)
                    .containsExactly("Isi dasar penunjukan (nomor Surat Perintah).", "backoffice tercatat tidak hadir"
                            + " 28 Des 2026 s.d. 30 Des 2026 (Cuti sakit): yang tidak hadir tidak dapat menjabat.");
            new Select(ksb.find(By.id("plh-pegawai"))).selectByValue("tim-teknis");
            new Select(ksb.find(By.id("plh-peran"))).selectByValue("backoffice");
            ksb.find(By.id("plh-dasar")).sendKeys("Surat Perintah Kepala Dinas Nomor 800/1201/DPMPTSP/2026");
            submit(ksb, ksb.find(By.id("appoint")));
            assertThat(ksb.text(By.cssSelector("p.notice"))).isEqualTo("tim-teknis ditunjuk sebagai Plh Backoffice /"
                    + " Ka Seksi Pelayanan I: 28 Des 2026 s.d. 30 Des 2026.");
            assertThat(ksb.text(By.id("notice-mail")))
                    .isEqualTo("Pemberitahuan dikirim ke jonni.pardede@dpmptsp.dairikab.go.id.");
            assertThat(ksb.driver().findElements(By.cssSelector("#acting-table tr.acting-now .acting-role")))
                    .extracting(WebElement::getText).as("the acting file's Plh and the one appointed here")
                    .containsExactlyInAnyOrder("Plh Kadis", "Plh Backoffice / Ka Seksi Pelayanan I");
            ksb.screenshot("24-cuti-pegawai");

            // Overlapping days are refused
            fill(ksb, "backoffice", "2026-12-30", "2027-01-04", "Cuti tahunan", "");
            assertThat(refusals(ksb)).containsExactly("backoffice sudah tercatat tidak hadir 28 Des 2026 s.d."
                    + " 30 Des 2026 (Cuti sakit); tanggalnya bertumpuk.");
        }

        // At once: the task went back to the inbox, with why and until when; the clerk holds no role; the Plh takes it
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "tim-teknis").status())
                .as("the Plh of the back office").isEqualTo(200);
        assertThat(holder(task)).isEqualTo("tim-teknis");
        assertThat(jdbc.sql("SELECT after_json FROM audit_log WHERE subject = ? AND action = 'TASK_RELEASED'")
                .param(task).query(String.class).list())
                .containsExactly("{\"step\":5,\"actor\":\"backoffice\",\"awayUntil\":\"2026-12-30\","
                        + "\"awayReason\":\"Cuti sakit\"}");
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "backoffice").status())
                .as("no role while away").isEqualTo(403);
        assertThat(jdbc.sql("SELECT actor || ' ' || subject || ' ' || after_json FROM audit_log"
                        + " WHERE action = 'STAFF_LEAVE_RECORDED' ORDER BY seq").query(String.class).list())
                .containsExactly("ksb-umum backoffice {\"from\":\"2026-12-28\",\"to\":\"2026-12-30\","
                        + "\"kind\":\"Cuti sakit\",\"note\":\"Surat dokter\"}");

        // The front office has no such page, and a forged form from one of its pages is refused
        try (Browser clerk = Browser.open(port)) {
            clerk.login("front-office");
            assertThat(clerk.driver().findElements(By.id("nav-leave"))).isEmpty();
            clerk.go("/pegawai/cuti");
            assertThat(clerk.find(By.id("denied")).isDisplayed()).isTrue();
            clerk.go("/loket/baru");
            clerk.script("var f = document.createElement('form'); f.method = 'post'; f.action = '/pegawai/cuti';"
                    + "[['pegawai','kadis'],['dari','2026-12-28'],['sampai','2026-12-31'],['jenis','Cuti tahunan'],"
                    + "['_csrf', document.querySelector('input[name=_csrf]').value]].forEach(function (p) {"
                    + " var i = document.createElement('input'); i.type = 'hidden'; i.name = p[0]; i.value = p[1];"
                    + " f.appendChild(i); }); document.body.appendChild(f); f.submit();");
            assertThat(clerk.find(By.id("denied")).isDisplayed()).isTrue();
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM staff_leave WHERE username = 'kadis'").query(Long.class).single())
                .isZero();

        // The head of office's dashboard: who is away, who acts for whom, the way to the leave page
        try (Browser kadis = Browser.open(port)) {
            kadis.login("kadis");
            kadis.go("/dasbor");
            assertThat(kadis.text(By.id("away-today")))
                    .isEqualTo("Tidak hadir hari ini: backoffice (Cuti sakit) sampai 30 Des 2026");
            assertThat(kadis.text(By.id("acting-today"))).isEqualTo("Plt/Plh hari ini: sekretaris (Plh Kadis) sampai"
                    + " 31 Des 2026; tim-teknis (Plh Backoffice / Ka Seksi Pelayanan I) sampai 30 Des 2026");
            assertThat(kadis.driver().findElements(By.id("unheld-actors"))).as("the Plh holds the role").isEmpty();
            kadis.find(By.id("leave-link")).click();
            assertThat(kadis.find(By.id("leave-table")).isDisplayed()).isTrue();
        }

        // Tuesday: the clerk is back a day early; a leave to come is withdrawn
        clock.set(TUESDAY);
        try (Browser ksb = Browser.open(port)) {
            ksb.login("ksb-umum");
            ksb.go("/pegawai/cuti");
            WebElement end = ksb.find(By.cssSelector("#leave-table tr.leave-now button"));
            assertThat(end.getText()).isEqualTo("Akhiri: pegawai sudah kembali hari ini");
            submit(ksb, end);
            assertThat(ksb.text(By.cssSelector("p.notice"))).isEqualTo(
                    "Cuti backoffice diakhiri: sejak 29 Des 2026 ia kembali memegang perannya.");
            assertThat(ksb.text(By.id("leave-recent"))).contains(
                    "backoffice: Cuti sakit, 28 Des 2026 s.d. 30 Des 2026 (kembali 29 Des 2026; diakhiri oleh"
                            + " ksb-umum)");

            WebElement endActing = ksb.find(By.cssSelector("#acting-table tr.acting-now button"));
            assertThat(endActing.getText()).isEqualTo("Akhiri hari ini");
            submit(ksb, endActing);
            assertThat(ksb.text(By.cssSelector("p.notice"))).isEqualTo("Penunjukan tim-teknis sebagai Plh Backoffice"
                    + " / Ka Seksi Pelayanan I diakhiri: sejak 29 Des 2026 ia tidak lagi memegang peran itu.");
            assertThat(ksb.text(By.id("notice-mail")))
                    .isEqualTo("Pemberitahuan dikirim ke jonni.pardede@dpmptsp.dairikab.go.id.");
            MailTestSupport mail = new MailTestSupport(mailProperties);
            assertThat(mail.awaitMail("jonni.pardede@dpmptsp.dairikab.go.id", m -> m.subject()
                    .equals("[Pintu] Penunjukan Plh Backoffice / Ka Seksi Pelayanan I berakhir 28 Desember 2026"))
                    .text()).contains("diakhiri lebih awal oleh Hotman Sitorus, S.Sos:",
                            "hari terakhir Anda memegang peran itu adalah 28 Desember 2026.");
            assertThat(mail.inbox("jonni.pardede@dpmptsp.dairikab.go.id")).extracting(MailTestSupport.Received::subject)
                    .contains("[Pintu] Penunjukan Plh Backoffice / Ka Seksi Pelayanan I, 28 Desember 2026 s.d."
                            + " 30 Desember 2026");
            assertThat(ksb.text(By.id("leave-recent"))).contains("tim-teknis: Plh Backoffice / Ka Seksi Pelayanan I,"
                    + " 28 Des 2026 s.d. 30 Des 2026 (berakhir 28 Des 2026; diakhiri oleh ksb-umum)");
            assertThat(holder(task)).as("back in the role's inbox with the Plh's end").isNull();

            fill(ksb, "tim-teknis", "2027-01-04", "2027-01-08", "Pendidikan dan pelatihan", "Diklat PTSP");
            WebElement later = ksb.find(By.cssSelector("#leave-table tr.leave-later button"));
            assertThat(later.getText()).isEqualTo("Batalkan");
            submit(ksb, later);
            assertThat(ksb.text(By.cssSelector("p.notice"))).isEqualTo("Cuti tim-teknis dibatalkan.");
            assertThat(ksb.driver().findElements(By.cssSelector("#leave-table tbody tr"))).as("the acting file's")
                    .hasSize(1);
            assertThat(ksb.text(By.id("leave-recent"))).contains("tim-teknis: Pendidikan dan pelatihan,"
                    + " 4 Jan 2027 s.d. 8 Jan 2027 (dibatalkan oleh ksb-umum)");
        }
        assertThat(api.call(HttpMethod.POST, "/api/tasks/" + task + "/claim", null, "backoffice").status())
                .as("back at work").isEqualTo(200);
        assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || subject || ' ' || after_json FROM audit_log"
                        + " WHERE action IN ('ACTING_APPOINTED', 'ACTING_ENDED') ORDER BY seq")
                .query(String.class).list())
                .containsExactly("ksb-umum ACTING_APPOINTED tim-teknis {\"actor\":\"backoffice\",\"kind\":\"PLH\","
                                + "\"from\":\"2026-12-28\",\"to\":\"2026-12-30\","
                                + "\"basis\":\"Surat Perintah Kepala Dinas Nomor 800/1201/DPMPTSP/2026\"}",
                        "ksb-umum ACTING_ENDED tim-teknis {\"from\":\"2026-12-28\",\"to\":\"2026-12-28\","
                                + "\"withdrawn\":false}");
        assertThat(jdbc.sql("SELECT before_json || ' -> ' || after_json FROM audit_log"
                        + " WHERE action = 'STAFF_LEAVE_ENDED' ORDER BY seq").query(String.class).list())
                .containsExactly(
                        "{\"from\":\"2026-12-28\",\"to\":\"2026-12-30\",\"kind\":\"Cuti sakit\"} -> "
                                + "{\"from\":\"2026-12-28\",\"to\":\"2026-12-28\",\"withdrawn\":false}",
                        "{\"from\":\"2027-01-04\",\"to\":\"2027-01-08\",\"kind\":\"Pendidikan dan pelatihan\"} -> "
                                + "{\"from\":\"2027-01-04\",\"withdrawn\":true}");
    }

    private static void fill(Browser b, String user, String from, String to, String kind, String note) {
        new Select(b.find(By.id("pegawai"))).selectByValue(user);
        b.script("document.getElementById('dari').value = '" + from + "';"
                + "document.getElementById('sampai').value = '" + to + "';");
        new Select(b.find(By.id("jenis"))).selectByValue(kind);
        WebElement text = b.find(By.id("keterangan"));
        text.clear();
        text.sendKeys(note);
        submit(b, b.find(By.id("record-leave")));
    }

    /** Clicks and waits for the next page (the one after the redirect). */
    private static void submit(Browser b, WebElement button) {
        button.click();
        b.waitUntilGone(button);
        b.waitFor(d -> !d.findElements(By.cssSelector("p.notice, p.error")).isEmpty());
    }

    private static List<String> refusals(Browser b) {
        return b.driver().findElements(By.cssSelector("#leave-refusals li")).stream().map(WebElement::getText)
                .toList();
    }

    private String holder(String taskId) {
        return jdbc.sql("SELECT claimed_by FROM task WHERE id = ?").param(taskId).query(String.class).optional()
                .orElse(null);
    }
}
