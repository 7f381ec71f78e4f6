package id.pintu.api;

import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.workflow.WorkflowException;
import java.util.Collection;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The loaded SOP definitions, as the office's service standard (public). */
@RestController
@RequestMapping("/api")
class SopController {

    private final SopCatalog catalog;

    SopController(SopCatalog catalog) {
        this.catalog = catalog;
    }

    /** The newest version of each SOP: what a new application runs on. */
    @GetMapping("/sops")
    Collection<SopDefinition> sops() {
        return catalog.all();
    }

    @GetMapping("/sops/{code}")
    SopDefinition sop(@PathVariable String code) {
        return catalog.find(code).orElseThrow(() -> WorkflowException.notFound("no SOP " + code));
    }

    /** Every version the hub keeps of an SOP, oldest first (cases of old versions still run on them). */
    @GetMapping("/sops/{code}/versions")
    List<SopCatalog.VersionInfo> versions(@PathVariable String code) {
        List<SopCatalog.VersionInfo> versions = catalog.versions(code);
        if (versions.isEmpty()) {
            throw WorkflowException.notFound("no SOP " + code);
        }
        return versions;
    }

    @GetMapping("/sops/{code}/versions/{version}")
    SopDefinition version(@PathVariable String code, @PathVariable int version) {
        return catalog.find(code, version)
                .orElseThrow(() -> WorkflowException.notFound("no version " + version + " of SOP " + code));
    }

    @GetMapping("/actors")
    Collection<Actor> actors() {
        return catalog.actors().values();
    }
}
