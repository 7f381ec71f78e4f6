package id.pintu.sop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.pintu.support.Api;
import id.pintu.support.HubTest;
import id.pintu.support.SopWalker;
import id.pintu.support.SopWalker.Visit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.TestPropertySource;

/**
 * Three SOPs imported by the importer (the seed, Izin Reklame from TSV, SIP Bidan from CSV) run side by side on one
 * hub: each case follows its own SOP through every branch to its end, the actors' inboxes are shared by all SOPs
 * and can be narrowed to one, and the lists and reports filter by SOP.
 */
@HubTest
@TestPropertySource(properties = {
        "pintu.sop.directory=src/test/resources/sop-many/sop",
        "pintu.sop.actors-file=src/test/resources/sop-many/actors.yaml",
        "pintu.security.users-file=src/test/resources/sop-many/users.yaml",
        "pintu.sla.supervision-file=src/test/resources/sop-many/supervision.yaml"})
class ManySopsEndToEndTest {

    static final String SEED = "izin-perluasan-usaha-industri";
    static final String REKLAME = "izin-reklame";
    static final String BIDAN = "surat-izin-praktik-bidan";

    @Autowired
    Api api;

    static Map<String, Object> application(String sop, int i) {
        Map<String, Object> a = new java.util.HashMap<>(Api.application(i));
        a.put("sop", sop);
        return a;
    }

    private String submit(String sop, int i) {
        return api.submit(application(sop, i)).get("id").asText();
    }

    private static List<Integer> stepsOf(List<Visit> visits) {
        List<Integer> steps = new ArrayList<>();
        visits.forEach(v -> steps.add(v.step()));
        return steps;
    }

    @Test
    void theCatalogListsTheThreeSops() {
        JsonNode sops = api.call(HttpMethod.GET, "/api/sops", null, null).body();
        List<String> codes = new ArrayList<>();
        sops.forEach(s -> codes.add(s.get("code").asText()));
        assertThat(codes).containsExactlyInAnyOrder(SEED, REKLAME, BIDAN);
    }

    @Test
    void reklameIssuedAfterBothLoopsBack() {
        JsonNode submitted = api.submit(application(REKLAME, 1));
        String id = submitted.get("id").asText();
        String code = submitted.get("trackingCode").asText();
        String token = submitted.get("token").asText();
        List<Visit> visits = new SopWalker(api).walk(id,
                Map.of(2, List.of("incomplete", "complete", "complete"), 4, List.of("unsuitable", "suitable"),
                        6, List.of("approve")), "ISSUED", task -> {
                    if (task.get("step").asInt() == 9) {
                        // The tax payment whose proof step 10 needs: not the applicant's one-click confirmation
                        // (it completed the step with nothing); the front office completes it when the proof is in
                        assertThat(api.call(HttpMethod.POST, "/api/track/" + code + "/confirm",
                                Map.of("token", token), null).status()).isEqualTo(409);
                    }
                });
        // 2 incomplete -> the applicant's clarification -> 2 again; 4 unsuitable -> clarification -> back to 2.
        assertThat(stepsOf(visits)).containsExactly(2, 2, 2, 3, 4, 4, 2, 3, 4, 5, 6, 9, 10, 11);
        assertThat(visits).filteredOn(v -> v.kind().equals("CLARIFICATION")).extracting(Visit::actor)
                .containsExactly("pemohon", "pemohon");
        assertThat(visits).filteredOn(v -> v.step() == 4 && v.kind().equals("STEP")).extracting(Visit::actor)
                .containsOnly("tim-survei-reklame");
        JsonNode kase = api.getCase(id);
        assertThat(kase.get("sop").asText()).isEqualTo(REKLAME);
        assertThat(kase.get("sopVersion").asInt()).isEqualTo(2);
    }

    @Test
    void reklameRejectedByTheKabid() {
        String id = submit(REKLAME, 2);
        List<Visit> visits = new SopWalker(api).walk(id, Map.of(6, List.of("reject")), "REJECTED");
        assertThat(stepsOf(visits)).containsExactly(2, 3, 4, 5, 6, 7, 8);
    }

    @Test
    void bidanLoopsBackToTheApplicantAndToTheVisitThenIssues() {
        String id = submit(BIDAN, 3);
        List<Visit> visits = new SopWalker(api).walk(id,
                Map.of(3, List.of("no", "yes"), 5, List.of("no", "yes")), "ISSUED");
        assertThat(stepsOf(visits)).containsExactly(2, 3, 1, 2, 3, 4, 5, 4, 5, 6, 7);
        assertThat(visits).filteredOn(v -> v.step() == 3).extracting(Visit::actor).containsOnly("verifikator-dinkes");
        assertThat(visits).filteredOn(v -> v.step() == 1).extracting(Visit::actor).containsOnly("pemohon");
    }

    @Test
    void seedRunsNextToThemOnBothBranches() {
        String issued = submit(SEED, 4);
        List<Visit> a = new SopWalker(api).walk(issued, Map.of(), "ISSUED");
        assertThat(a.get(a.size() - 1).step()).isEqualTo(25);
        String rejected = submit(SEED, 5);
        List<Visit> b = new SopWalker(api).walk(rejected, Map.of(8, List.of("reject")), "REJECTED");
        assertThat(b.get(b.size() - 1).step()).isEqualTo(15);
    }

    @Test
    void oneInboxPerActorForEverySopNarrowedBySop() {
        String reklame = submit(REKLAME, 6);
        String bidan = submit(BIDAN, 7);
        api.awaitTask(reklame, 2);
        api.awaitTask(bidan, 2);

        JsonNode all = api.call(HttpMethod.GET, "/api/inbox/front-office", null, "front-office").body();
        assertThat(casesIn(all)).contains(reklame, bidan);
        JsonNode onlyReklame = api.call(HttpMethod.GET, "/api/inbox/front-office?sop=" + REKLAME, null, "front-office").body();
        assertThat(casesIn(onlyReklame)).contains(reklame).doesNotContain(bidan);
        onlyReklame.forEach(t -> assertThat(t.get("sop").asText()).isEqualTo(REKLAME));
        assertThat(api.call(HttpMethod.GET, "/api/inbox/front-office?sop=no-such-sop", null, "front-office").status())
                .isEqualTo(404);

        JsonNode listed = api.call(HttpMethod.GET, "/api/applications?sop=" + BIDAN, null, "front-office").body();
        List<String> ids = new ArrayList<>();
        listed.forEach(c -> {
            ids.add(c.get("id").asText());
            assertThat(c.get("sop").asText()).isEqualTo(BIDAN);
        });
        assertThat(ids).contains(bidan).doesNotContain(reklame);

        JsonNode report = api.call(HttpMethod.GET, "/api/reports/sop-evaluation?sop=" + BIDAN, null, "admin").body();
        assertThat(report.get("sop").asText()).isEqualTo(BIDAN);
        assertThat(report.get("steps")).hasSize(7);
    }

    private static List<String> casesIn(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("applicationId").asText()));
        return ids;
    }
}
