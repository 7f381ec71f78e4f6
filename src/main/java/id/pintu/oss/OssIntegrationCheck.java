package id.pintu.oss;

import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopConfigurationCheck;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A step's {@code integration} names an OSS call of {@code pintu.oss.calls}; the step's completion is handed to that
 * call's route. A name no call has (a typo such as {@code oss-regster}) loaded without complaint, and every case then
 * stopped after that step with no task and no OSS failure for staff, its hand-over retried for ever. Such a
 * definition (the newest version of an SOP) now stops the start naming the SOP, the step and the field, and is refused
 * by the import.
 */
@Component
class OssIntegrationCheck implements SopConfigurationCheck {

    private final OssProperties properties;

    OssIntegrationCheck(OssProperties properties, SopCatalog catalog) {
        this.properties = properties;
        List<String> problems = catalog.all().stream().flatMap(sop -> problemsWith(sop).stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SOP steps name OSS calls this hub does not have:\n  - "
                    + String.join("\n  - ", problems));
        }
        // An older version stored before this check cannot be edited; its running cases stop at that step. Named, so
        // that IT can add the name as a call (pintu.oss.calls.<name>), instead of stopping every hub's start.
        catalog.allVersions().stream().filter(sop -> catalog.require(sop.code()).versionOrDefault()
                        != sop.versionOrDefault())
                .flatMap(sop -> problemsWith(sop).stream())
                .forEach(p -> LOG.error("{}: cases on this older version stop after that step until the name is"
                        + " configured as an OSS call", p));
    }

    private static final Logger LOG = LoggerFactory.getLogger(OssIntegrationCheck.class);

    @Override
    public List<String> problemsWith(SopDefinition sop) {
        List<String> problems = new ArrayList<>();
        for (Step step : sop.steps()) {
            if (step.integration() != null && !properties.calls().containsKey(step.integration())) {
                problems.add("SOP " + sop.code() + " version " + sop.versionOrDefault() + ", step " + step.no()
                        + ", field integration: '" + step.integration() + "' is not an OSS call of pintu.oss.calls "
                        + properties.calls().keySet().stream().sorted().toList());
            }
        }
        return problems;
    }
}
