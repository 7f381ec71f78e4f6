package id.pintu.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.pintu.support.HubTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A batch append writes its records in the order given, with consecutive sequence numbers that link hash to hash,
 * and skips a record whose event is in the log already or repeats earlier in the same batch; records without an
 * event id are never skipped.
 */
@HubTest
class AuditAppendAllSkipsRepeatsAndLinksTheChainTest {

    @Autowired
    AuditTrail trail;

    @Test
    void aBatchSkipsRepeatsAndContinuesTheChain() {
        String caseId = UUID.randomUUID().toString();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String d = UUID.randomUUID().toString();
        AuditEntry first = trail.append(record(caseId, "A", a)).orElseThrow();

        List<AuditEntry> written = trail.appendAll(List.of(
                record(caseId, "A again", a),
                record(caseId, "B", b),
                record(caseId, "B again", b),
                record(caseId, "C", null),
                record(caseId, "C2", null),
                record(caseId, "D", d)));

        assertThat(written).extracting(AuditEntry::action).containsExactly("B", "C", "C2", "D");
        assertThat(trail.ofApplication(caseId)).extracting(AuditEntry::action)
                .containsExactly("A", "B", "C", "C2", "D");
        assertThat(trail.ofApplication(caseId)).containsExactlyElementsOf(
                List.of(first, written.get(0), written.get(1), written.get(2), written.get(3)));
        for (int i = 1; i < written.size(); i++) {
            assertThat(written.get(i).seq()).isEqualTo(written.get(i - 1).seq() + 1);
            assertThat(written.get(i).prevHash()).isEqualTo(written.get(i - 1).hash());
        }
        assertThat(trail.appendAll(List.of(record(caseId, "B once more", b)))).isEmpty();
        assertThat(trail.verify().ok()).isTrue();
    }

    private static AuditTrail.Record record(String caseId, String action, String eventId) {
        return new AuditTrail.Record("test", action, caseId, null, null, "{\"n\":1}", eventId);
    }
}
