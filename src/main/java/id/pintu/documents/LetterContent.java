package id.pintu.documents;

import java.util.List;

/**
 * Everything printed on one document, already filled in; {@link PdfRenderer} only lays it out.
 *
 * @param number the letter's number, or null (a draft, or a document the agenda book does not number)
 * @param placeAndDate "Sidikalang, 28 November 2026"
 * @param body the filled template: paragraphs split by blank lines; a line {@code | label | value} is a table row
 * @param signature the signature block; null prints none
 * @param initials who initialled the draft and when (paraf), on the final page
 * @param verification the code and link of a sealed document; null for drafts
 * @param watermark printed across every page of a draft ("DRAF"); null for final documents
 */
public record LetterContent(
        DocumentPlan.Layout layout,
        String title,
        String number,
        String lampiran,
        String perihal,
        List<String> addressee,
        String placeAndDate,
        String body,
        Signature signature,
        List<Initial> initials,
        Verification verification,
        String watermark) {

    /** The signature block: caption (a.n. KEPALA DINAS), position, and the official; null parts are left out. */
    public record Signature(String caption, String position, String fullName, String rank, String nip, String note) {}

    public record Initial(String fullName, String position, String at) {}

    public record Verification(String code, String url) {}
}
