package id.pintu.web;

import id.pintu.sop.Actor;
import id.pintu.workflow.Task;
import id.pintu.workflow.WorkflowService;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An actor's inbox: the open tasks its queue delivered, with their SLA colour, and "take the next task". */
@Controller
class InboxController {

    private final StaffAccess access;
    private final InboxQueries queries;
    private final WorkflowService workflow;
    private final WebProperties properties;

    InboxController(StaffAccess access, InboxQueries queries, WorkflowService workflow, WebProperties properties) {
        this.access = access;
        this.queries = queries;
        this.workflow = workflow;
        this.properties = properties;
    }

    @GetMapping("/kotak-masuk/{actor}")
    String inbox(@PathVariable String actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) String step, @RequestParam(required = false) String state,
            @RequestParam(required = false) String holder, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String sop,
            Authentication auth, Model model) {
        Actor a = access.requireInbox(auth, actor);
        InboxFilter filter = InboxFilter.of(q, parseStep(step), state, holder, sort, dir, sop);
        // The fingerprint before the rows: a task entering between the two readings then makes the next poll reload
        // (read after, it already included a task the page lacked, and the page never reloaded for it)
        String signature = queries.signature(actor);
        InboxPage page = queries.inbox(actor, filter, auth.getName());
        model.addAttribute("actor", a);
        model.addAttribute("rows", page.rows());
        model.addAttribute("total", page.total());
        model.addAttribute("more", page.more());
        model.addAttribute("steps", page.steps());
        model.addAttribute("sops", page.sops());
        model.addAttribute("filter", filter);
        model.addAttribute("states", SlaState.values());
        model.addAttribute("signature", signature);
        model.addAttribute("refreshMs", properties.inboxRefresh().toMillis());
        return "kotak-masuk";
    }

    /** Polled by the open page: when the fingerprint differs from the one it was drawn with, it reloads. */
    @GetMapping(path = "/kotak-masuk/{actor}/versi", produces = "application/json")
    @ResponseBody
    Map<String, Object> version(@PathVariable String actor, Authentication auth) {
        access.requireInbox(auth, actor);
        return Map.of("signature", queries.signature(actor));
    }

    @PostMapping("/kotak-masuk/{actor}/ambil")
    String takeNext(@PathVariable String actor, Authentication auth, RedirectAttributes flash) {
        access.requireInbox(auth, actor);
        Optional<Task> task = workflow.takeNext(actor, access.caller(auth));
        if (task.isEmpty()) {
            flash.addFlashAttribute("notice", "inbox.empty");
            return "redirect:/kotak-masuk/" + actor;
        }
        return "redirect:/tugas/" + task.get().id();
    }

    private static Integer parseStep(String step) {
        try {
            return step == null || step.isBlank() ? null : Integer.valueOf(step.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
