package id.pintu.api;

import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.workflow.WorkflowException;
import java.util.Collection;
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

    @GetMapping("/sops")
    Collection<SopDefinition> sops() {
        return catalog.all();
    }

    @GetMapping("/sops/{code}")
    SopDefinition sop(@PathVariable String code) {
        return catalog.find(code).orElseThrow(() -> WorkflowException.notFound("no SOP " + code));
    }

    @GetMapping("/actors")
    Collection<Actor> actors() {
        return catalog.actors().values();
    }
}
