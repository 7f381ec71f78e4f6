package id.pintu.documents;

import java.io.IOException;

/**
 * The letterhead (kop surat) one document is made under: the office as {@code office.yaml} describes it and its logo,
 * encoded for PDF once for every document that carries this letterhead ({@link EncodedImage}).
 */
public final class Letterhead {

    private final OfficeProfile profile;
    private final EncodedImage logo;

    private Letterhead(OfficeProfile profile, EncodedImage logo) {
        this.profile = profile;
        this.logo = logo;
    }

    /** Encodes the profile's logo; throws when it cannot be read or is no image PDFBox can embed. */
    public static Letterhead of(OfficeProfile profile) throws IOException {
        return new Letterhead(profile, profile.logo() == null ? null : EncodedImage.of(profile.logo()));
    }

    public OfficeProfile profile() {
        return profile;
    }

    /** The logo, encoded; null for a letterhead without one. */
    EncodedImage logo() {
        return logo;
    }
}
