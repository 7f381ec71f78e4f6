package id.pintu.sop;

import java.util.List;

/**
 * A feature whose own configuration names the steps of an SOP (e.g. the document plan: which step drafts, signs or
 * numbers a letter). Before an SOP is installed while the hub runs, each check says what the new definition would
 * break, in the words the start-up check would use, so that nothing is installed that the next start refuses.
 */
public interface SopConfigurationCheck {

    /** The problems {@code candidate}, as the newest version of its SOP, would cause; empty when none. */
    List<String> problemsWith(SopDefinition candidate);
}
