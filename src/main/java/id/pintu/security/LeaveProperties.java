package id.pintu.security;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The leave page ({@code /pegawai/cuti}, {@link LeaveAndActing}).
 *
 * @param managers the actors who record and end staff leave there (besides administrators): by default the head of
 *     office, the secretary and the head of general affairs and personnel (Ksb. Umum)
 * @param kinds the kinds of leave offered, as the office names them (the first is preselected)
 * @param maxDays the longest leave recorded at once, in calendar days (a *cuti besar* or maternity leave is three
 *     months)
 */
@Validated
@ConfigurationProperties("pintu.leave")
public record LeaveProperties(
        @DefaultValue({"kadis", "sekretaris", "ksb-umum"}) @NotEmpty List<@NotBlank String> managers,
        @DefaultValue({"Cuti tahunan", "Cuti sakit", "Cuti alasan penting", "Cuti besar", "Cuti melahirkan",
                "Dinas luar", "Pendidikan dan pelatihan"}) @NotEmpty List<@NotBlank @Size(max = 60) String> kinds,
        @DefaultValue("92") @Min(1) @Max(366) int maxDays) {}
