package id.pintu.api;

import id.pintu.sop.SopFilesException;
import id.pintu.sop.SopFilesReload;
import id.pintu.sop.SopProperties;
import id.pintu.workflow.WorkflowException;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SOPs' own files for IT (admin only, see SecurityConfig: /api/admin/**): which SOPs have a document plan, mail
 * rules and a dossier list in force, and a reload of those files without a restart ({@link SopFilesReload}).
 */
@RestController
@RequestMapping("/api/admin/sops/files")
class SopFilesController {

    record FilesView(Map<String, Map<String, Object>> inForce, String checkInterval, SopFilesReload.Outcome lastReload,
            String problem) {}

    private final SopFilesReload reload;
    private final SopProperties properties;

    SopFilesController(SopFilesReload reload, SopProperties properties) {
        this.reload = reload;
        this.properties = properties;
    }

    @GetMapping
    FilesView inForce() {
        return new FilesView(reload.inForce(), properties.filesCheckInterval().toString(), reload.last(),
                reload.problem());
    }

    /**
     * Reads the files now; 422 naming each file that cannot be used and its problems (what was in force for its SOP
     * stays; the other files' changes are in force).
     */
    @PostMapping("/reload")
    SopFilesReload.Outcome reload(Authentication auth) {
        try {
            return reload.reload(auth.getName());
        } catch (SopFilesException e) {
            throw WorkflowException.unprocessable(e.getMessage());
        }
    }
}
