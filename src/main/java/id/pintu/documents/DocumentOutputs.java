package id.pintu.documents;

/**
 * The names under which the documents feature reports its output to what waits for it in the outbox
 * ({@code OutboxRelay.retryWaiting}): an event that waits for one of them is released when it is made, and not by
 * the other documents of the case (a permit mail is not tried at each paraf of the permit's draft).
 */
public final class DocumentOutputs {

    private DocumentOutputs() {}

    /** A final document of {@code kind}: issued (resi, routing slip, report) or numbered and sealed (a letter). */
    public static String finalDocument(String kind) {
        return "document:" + kind;
    }
}
