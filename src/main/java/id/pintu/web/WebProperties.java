package id.pintu.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the staff pages and the applicant's tracking page.
 *
 * @param inboxRefresh how often an open inbox page asks the hub whether its list changed
 * @param inboxLimit the most open tasks one inbox page lists (after filtering and ordering all of them)
 * @param amberShare a task turns amber when less than this share of its mutu baku (working time) is left
 * @param escalationColumn the task table's escalation level column; read only when the column exists, so the
 *     pages work before and after the SLA feature adds it
 * @param maxUploadSize the largest scan or report a page accepts (keep below spring.servlet.multipart limits)
 * @param maxScans the most scans one walk-in registration carries
 * @param dashboardActors holders of these actors (and admins) see the head-of-office dashboard
 * @param evaluationReportUrl where the SOP evaluation report is served
 * @param localeCookie the cookie that remembers the language a user picked
 * @param caseSearchLimit the most cases one search on the case lookup page lists (newest first)
 */
@Validated
@ConfigurationProperties("pintu.web")
public record WebProperties(
        @DefaultValue("5s") @NotNull Duration inboxRefresh,
        @DefaultValue("500") @Min(1) @Max(5000) int inboxLimit,
        @DefaultValue("0.25") @DecimalMin("0.0") @DecimalMax("1.0") double amberShare,
        @DefaultValue("escalation_level") @NotBlank @Pattern(regexp = "[a-z_][a-z0-9_]*", message = "must be a plain column name")
        String escalationColumn,
        @DefaultValue("10MB") @NotNull DataSize maxUploadSize,
        @DefaultValue("20") @Min(1) int maxScans,
        @DefaultValue({"kadis", "sekretaris"}) @NotEmpty List<String> dashboardActors,
        @DefaultValue("/dasbor/evaluasi-sop.pdf") @NotBlank String evaluationReportUrl,
        @DefaultValue("pintu-lang") @NotBlank String localeCookie,
        @DefaultValue("50") @Min(1) @Max(1000) int caseSearchLimit) {}
