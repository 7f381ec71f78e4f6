package id.pintu.documents;

import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;

/**
 * The letterhead (kop surat) of the office, from {@code config/office.yaml}.
 *
 * @param government the line above the office's name (PEMERINTAH KABUPATEN ...)
 * @param city the place written before every date
 * @param logo an image (PNG or JPEG) drawn at the left of the letterhead; optional
 */
public record OfficeProfile(
        @NotBlank String government,
        @NotBlank String name,
        @NotBlank String address,
        String contact,
        @NotBlank String city,
        Path logo) {}
