package id.pintu.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import id.pintu.sop.MutuBaku;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * The intakes (office mailbox, scan folder) and the dossier check.
 *
 * @param mailEnabled poll the office mailbox
 * @param dossierDirectory the required documents per SOP: {@code <dir>/<sop>.yaml}
 * @param maxAttachmentSize a larger attachment is refused (listed as invalid)
 * @param maxEmailSize a larger email (as the mail server reports its size) is not read: the sender is told to send its
 *     files in several emails or at the counter, and its headers go to the review queue; the email stays in the
 *     office mailbox
 * @param pdfMaxMemory memory PDFBox may use to parse one PDF (beyond it, it uses temporary files)
 * @param autoClarify let the hub complete the completeness check as "incomplete" by itself when required
 *     documents are plainly missing, which sends the applicant the clarification mail
 * @param autoClarifyMaxRounds after this many clarifications of a case, the front office decides by itself
 * @param blockedSenders addresses ({@code a@b.c}) or domains ({@code @b.c}) whose mail goes to the review queue
 * @param abandonCheckInterval how often cases waiting for the applicant past their deadline are closed as abandoned
 * @param intakeUser the name under which the hub acts in the workflow
 * @param scan the scan folder of the front office
 * @param resendWindow how long an application email sent again unchanged (same sender, subject, text and attachments)
 *     is recognised while its case is open: it is answered with the case's tracking code instead of becoming a
 *     second case. Zero (the embedded default, where the same sample email is sent on purpose) turns this off; the
 *     {@code prod} profile sets 7 days
 * @param answerWithin the working time (ISO-8601 on the office calendar, {@code P1D} one working day) within which the
 *     front office should answer an applicant's email; past it the message is shown late on its pages and counted
 *     on the dashboard
 */
@Validated
@ConfigurationProperties("pintu.intake")
public record IntakeProperties(
        @DefaultValue("true") boolean mailEnabled,
        @DefaultValue("config/dossier") @NotBlank String dossierDirectory,
        @DefaultValue("10MB") @NotNull DataSize maxAttachmentSize,
        @DefaultValue("40MB") @NotNull DataSize maxEmailSize,
        @DefaultValue("64MB") @NotNull DataSize pdfMaxMemory,
        @DefaultValue("true") boolean autoClarify,
        @DefaultValue("3") @Min(1) int autoClarifyMaxRounds,
        @DefaultValue List<String> blockedSenders,
        @DefaultValue("15m") @NotNull Duration abandonCheckInterval,
        @DefaultValue("pintu-intake") @NotBlank String intakeUser,
        @DefaultValue("pintu-intake") @NotBlank String eventsSubscription,
        @DefaultValue @Valid @NotNull Scan scan,
        @DefaultValue("0s") @NotNull Duration resendWindow,
        @DefaultValue("P1D") @NotBlank String answerWithin) {

    public IntakeProperties {
        MutuBaku.parse(answerWithin); // refused at start-up, with the reason, rather than at the first message
    }

    public MutuBaku answerLimit() {
        return MutuBaku.parse(answerWithin);
    }

    /**
     * @param directory the watched folder; empty means {@code <pintu.data-dir>/scan-inbox}
     * @param delay pause between two looks at the folder
     * @param minAge a file younger than this is still being written by the scanner and is left alone
     */
    public record Scan(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("") String directory,
            @DefaultValue("2s") @NotNull Duration delay,
            @DefaultValue("1s") @NotNull Duration minAge) {}

    public boolean blocked(String address) {
        if (address == null || blockedSenders == null) {
            return false;
        }
        String a = address.trim().toLowerCase(Locale.ROOT);
        return blockedSenders.stream()
                .map(b -> b.trim().toLowerCase(Locale.ROOT))
                .anyMatch(b -> b.startsWith("@") ? a.endsWith(b) : a.equals(b));
    }
}
