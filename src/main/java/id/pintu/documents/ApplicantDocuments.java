package id.pintu.documents;

import id.pintu.workflow.Application;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which documents of a case the applicant sees (the tracking page, a download with the tracking token): those meant
 * for them, and of those a letter the plan delivers at a step ({@code documents.<kind>.deliveredAt}) only once that
 * step is completed. The permit is numbered and sealed at step 21, takes effect in OSS at step 23 ("Izin Efektif")
 * and is delivered at step 24 (with its mail): shown from step 21 on, an applicant held a sealed permit that OSS
 * might still refuse. Staff see every document at any time.
 */
@Component
public class ApplicantDocuments {

    private final DocumentCatalog catalog;
    private final JdbcClient jdbc;

    public ApplicantDocuments(DocumentCatalog catalog, JdbcClient jdbc) {
        this.catalog = catalog;
        this.jdbc = jdbc;
    }

    /** Whether the applicant of {@code app} may see {@code d} now. */
    public boolean shown(Application app, StoredDocument d) {
        if (!d.applicationId().equals(app.id()) || !StoredDocument.APPLICANT.equals(d.audience())) {
            return false;
        }
        Integer deliveredAt = catalog.plan(app.sopCode()).map(p -> p.documents().get(d.kind()))
                .map(DocumentPlan.Spec::deliveredAt).orElse(null);
        return deliveredAt == null || jdbc.sql("SELECT COUNT(*) FROM task WHERE application_id = ? AND step_no = ?"
                        + " AND status = 'COMPLETED'")
                .params(app.id(), deliveredAt).query(Long.class).single() > 0;
    }
}
