package id.pintu.intake;

import java.util.List;
import java.util.stream.Stream;

/**
 * The dossier check for the front office: each required document PRESENT, MISSING or INVALID with the files behind
 * it, and the files that match no requirement.
 */
public record DossierView(String applicationId, String sop, boolean complete, List<Item> required,
        List<File> unmatched) {

    /** Every file of the dossier: those matched to a requirement, then the others. */
    public Stream<File> files() {
        return Stream.concat(required.stream().flatMap(i -> i.files().stream()), unmatched.stream());
    }

    /** How many required documents are missing or have only refused files. */
    public long notPresent() {
        return required.stream().filter(i -> !DossierService.PRESENT.equals(i.status())).count();
    }

    public record Item(String key, String label, String status, List<File> files) {}

    public record File(String documentId, String name, String contentType, long sizeBytes, boolean valid,
            String problem, String matchedBy) {

        static File of(DossierItem i) {
            return new File(i.documentId(), i.fileName(), i.contentType(), i.sizeBytes(), i.valid(), i.problem(),
                    i.matchedBy());
        }
    }
}
