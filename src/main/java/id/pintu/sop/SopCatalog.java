package id.pintu.sop;

import jakarta.validation.Validator;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SOPs and actors this hub runs, loaded once at start-up. A bad file fails the start with the loader's
 * message: the office must not run on a definition it did not mean.
 */
@Component
public class SopCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SopCatalog.class);

    private final Map<String, Actor> actors;
    private final Map<String, SopDefinition> sops = new TreeMap<>();
    private final String defaultSop;

    public SopCatalog(SopProperties properties, Validator validator) {
        SopLoader loader = new SopLoader(validator);
        this.actors = loader.loadActors(properties.actorsFile());
        for (SopDefinition sop : loader.loadDirectory(properties.directory(), actors)) {
            SopDefinition previous = sops.put(sop.code(), sop);
            if (previous != null) {
                throw new SopDefinitionException(properties.directory().toString(),
                        List.of("field code: two files define SOP '" + sop.code() + "'"));
            }
            LOG.info("Loaded SOP {} ({}), version {}, {} steps", sop.code(), sop.name(), sop.versionOrDefault(),
                    sop.steps().size());
        }
        if (!sops.containsKey(properties.defaultSop())) {
            throw new SopDefinitionException(properties.directory().toString(),
                    List.of("pintu.sop.default-sop names '" + properties.defaultSop() + "', which is not loaded "
                            + sops.keySet()));
        }
        this.defaultSop = properties.defaultSop();
    }

    public Collection<SopDefinition> all() {
        return sops.values();
    }

    public Optional<SopDefinition> find(String code) {
        return Optional.ofNullable(code == null ? null : sops.get(code));
    }

    public SopDefinition require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown SOP '" + code + "'"));
    }

    public SopDefinition defaultSop() {
        return sops.get(defaultSop);
    }

    public Map<String, Actor> actors() {
        return actors;
    }

    public Actor applicantActor() {
        return actors.values().stream().filter(Actor::applicant).findFirst().orElseThrow();
    }

    public boolean isApplicant(String actorId) {
        Actor a = actors.get(actorId);
        return a != null && a.applicant();
    }
}
