package id.pintu.sop;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A feature's files per SOP under {@code config/} that the office edits while the hub runs: the document plans, the
 * mail rules and the dossiers. {@link SopFilesReload} reloads them all, in the order of the beans ({@code @Order}: the
 * document plans first, since the mail rules attach their documents).
 */
public interface SopFiles {

    /** What a reload of one feature's files did; SOP codes, i.e. file names without {@code .yaml}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Change(List<String> added, List<String> changed, List<String> removed, List<String> problems) {

        public Change {
            added = List.copyOf(added);
            changed = List.copyOf(changed);
            removed = List.copyOf(removed);
            problems = List.copyOf(problems);
        }

        public boolean changesNothing() {
            return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
        }
    }

    /** The feature's files, as it runs on them. */
    SopFileSet<?> files();
}
