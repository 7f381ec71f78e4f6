package id.pintu.workflow;

import id.pintu.sop.Actor;
import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.Header;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The step routes of SOP versions that arrive while the hub runs: installed through the admin API on this hub, or
 * stored by another hub on the same database (found when a case, a page or the {@code sop-refresh} route asks for
 * them). As at a start, the newest version of an SOP has the stable route ids ({@code <sop>.step-08-...}) and every
 * older one its versioned ids ({@code <sop>.v1.step-08-...}): the version a new one replaces is given its versioned
 * routes, and its running cases go on on them.
 */
@Component("sopRoutes")
public class SopRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(SopRoutes.class);

    private final CamelContext camel;
    private final SopCatalog catalog;
    private final WorkflowProperties properties;

    public SopRoutes(CamelContext camel, SopCatalog catalog, WorkflowProperties properties) {
        this.camel = camel;
        this.catalog = catalog;
        this.properties = properties;
        catalog.onVersionsAdded(this::added);
        catalog.onActorsAdded(this::inboxes);
    }

    /**
     * Actors added to the actors file while the hub runs: each gets its inbox route from the same template as at a
     * start (its queue is made by the broker with the first message or consumer). A route that cannot be added is
     * logged; the actor's tasks wait on its durable queue until the next start adds it.
     */
    private void inboxes(List<Actor> added) {
        for (Actor actor : added) {
            String routeId = WorkflowRoutes.inboxRouteId(actor.id());
            if (camel.getRoute(routeId) != null) {
                continue;
            }
            try {
                camel.addRouteFromTemplate(routeId, WorkflowRoutes.ACTOR_INBOX_TEMPLATE,
                        new HashMap<>(WorkflowRoutes.inboxParameters(properties, actor.id())));
                LOG.info("Actor {} ({}): queue {} and inbox route {} added", actor.id(), actor.name(),
                        properties.queueOf(actor.id()), routeId);
            } catch (Exception e) {
                LOG.error("Actor {} was added, but its inbox route could not be: its tasks wait on queue {} until"
                        + " the next start", actor.id(), properties.queueOf(actor.id()), e);
            }
        }
    }

    /** The SOP version of a transition is known here and has its routes (loaded if another hub installed it). */
    public void ensure(@Header(WorkflowHeaders.SOP_CODE) String code, @Header(WorkflowHeaders.SOP_VERSION) int version) {
        catalog.require(code, version);
    }

    /** Looks for versions stored by other hubs; their routes are added through {@link #added}. */
    public void refresh() {
        catalog.refresh();
    }

    private void added(List<SopDefinition> versions) {
        Set<String> codes = new LinkedHashSet<>();
        versions.forEach(v -> codes.add(v.code()));
        for (String code : codes) {
            try {
                routesOf(code);
            } catch (Exception e) {
                throw new IllegalStateException("cannot add the routes of SOP " + code + ": " + e.getMessage(), e);
            }
        }
    }

    /** Gives every loaded version of {@code code} its routes, with the stable ids on the newest only. */
    synchronized void routesOf(String code) throws Exception {
        List<SopDefinition> versions = catalog.allVersions().stream().filter(s -> s.code().equals(code)).toList();
        for (SopDefinition sop : versions) {
            boolean newest = catalog.isNewest(sop);
            Step first = sop.steps().get(0);
            if (camel.getRoute(WorkflowRoutes.routeId(sop, first, newest)) != null) {
                continue;
            }
            if (camel.getRoute(WorkflowRoutes.routeId(sop, first, !newest)) != null) {
                // The version that was the newest until now: its routes take their versioned ids.
                for (Step step : sop.steps()) {
                    String id = WorkflowRoutes.routeId(sop, step, !newest);
                    camel.getRouteController().stopRoute(id);
                    camel.removeRoute(id);
                }
            }
            camel.addRoutes(new RouteBuilder(camel) {
                @Override
                public void configure() {
                    WorkflowRoutes.addStepRoutes(this, sop, newest);
                }
            });
            LOG.info("SOP {} version {}: {} step routes added{}", code, sop.versionOrDefault(), sop.steps().size(),
                    newest ? " (newest: new cases start on it)" : "");
        }
    }
}
