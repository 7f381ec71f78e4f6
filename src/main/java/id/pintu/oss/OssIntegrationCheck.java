package id.pintu.oss;

import id.pintu.sop.SopCatalog;
import id.pintu.sop.SopConfigurationCheck;
import id.pintu.sop.SopDefinition;
import id.pintu.sop.Step;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A step's {@code integration} names an OSS call of {@code pintu.oss.calls}; the step's completion is handed to that
 * call's route. A name no call has (a typo such as {@code oss-regster}) loaded without complaint, and every case then
 * stopped after that step with no task and no OSS failure for staff, its hand-over retried for ever. Such a
 * definition now stops the start naming the SOP, the step and the field, and is refused by the import.
 */
@Component
class OssIntegrationCheck implements SopConfigurationCheck {

    private final OssProperties properties;

    OssIntegrationCheck(OssProperties properties, SopCatalog catalog) {
        this.properties = properties;
        List<String> problems = catalog.allVersions().stream().flatMap(sop -> problemsWith(sop).stream()).toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("SOP steps name OSS calls this hub does not have:\n  - "
                    + String.join("\n  - ", problems));
        }
    }

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
