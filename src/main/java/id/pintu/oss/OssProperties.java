package id.pintu.oss;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the OSS bridge ({@code pintu.oss.*}); see docs/oss.md.
 *
 * @param baseUrl OSS's base URL, methods are POSTed to {@code <base>/<method>}; blank means the hub's own sandbox
 *     at {@code http://127.0.0.1:<local port>/oss-sandbox/v1/kl/rba}
 * @param user OSS access user ({@code user_akses} of sendSecurityKey)
 * @param password OSS access password ({@code pwd_akses})
 * @param keyHeader the request header that carries the security key
 * @param idempotencyHeader the request header that carries the hub's idempotency key
 * @param kdInstansi the office's institution code in OSS
 * @param kdIzin the permit type's code in OSS (from getDataReferensi)
 * @param requestQueue the durable queue between the workflow and the OSS caller
 * @param failureTopic where a call whose retries are spent is published (for inboxes and monitoring)
 * @param consumers concurrent consumers of the request queue
 * @param connectTimeout HTTP connect timeout
 * @param responseTimeout HTTP response timeout; a call that takes longer is a timeout (answer maybe lost)
 * @param retry redelivery of a failed call (timeouts, 5xx, OSS down)
 * @param circuitBreaker when to stop calling OSS for a while
 * @param inboundKey the shared secret OSS sends in {@code keyHeader} when it calls the hub
 * @param calls integration name (as in the SOP definition) to OSS method and status code; merged over the defaults
 * @param permitDocument the document kind of the permit letter (config/documents/): its agenda number is the
 *     {@code nomor_izin} sent with the final permit; a case without such a letter sends its tracking code
 * @param health the reachability probe of the health component {@code oss}
 */
@Validated
@ConfigurationProperties("pintu.oss")
public record OssProperties(
        @DefaultValue("") String baseUrl,
        @DefaultValue("pintu-sandbox") @NotBlank String user,
        @DefaultValue("pintu-sandbox") @NotBlank String password,
        @DefaultValue("user_key") @NotBlank String keyHeader,
        @DefaultValue("X-Idempotency-Key") @NotBlank String idempotencyHeader,
        @DefaultValue("1211") @NotBlank String kdInstansi,
        @DefaultValue("IZIN-PERLUASAN-USAHA-INDUSTRI") @NotBlank String kdIzin,
        @DefaultValue("pintu.oss.requests") @NotBlank String requestQueue,
        @DefaultValue("pintu.oss.failures") @NotBlank String failureTopic,
        @DefaultValue("4") @Min(1) int consumers,
        @DefaultValue("5s") @NotNull Duration connectTimeout,
        @DefaultValue("20s") @NotNull Duration responseTimeout,
        @DefaultValue @Valid Retry retry,
        @DefaultValue @Valid CircuitBreaker circuitBreaker,
        @DefaultValue("pintu-sandbox-inbound") @NotBlank String inboundKey,
        Map<String, @Valid Call> calls,
        @DefaultValue("surat-izin") @NotBlank String permitDocument,
        @DefaultValue @Valid @NotNull Health health) {

    /**
     * The SOP's OSS steps out of the box: step 4 checks the applicant's NIB ({@code inqueryNIB}) and registers, step
     * 22 reports verification, step 23 issues; on the reject branch step 14 reports the rejection (93 "penolakan
     * persyaratan") with the rejection letter's number.
     */
    public static final Map<String, Call> DEFAULT_CALLS = Map.of(
            "oss-register", new Call("receiveLicenseStatus", "IZINSTATUS", "09", null, true),
            "oss-status", new Call("receiveLicenseStatus", "IZINSTATUS", "45", null, false),
            "oss-issue", new Call("receiveLicense", "IZINFINAL", "50", null, false),
            "oss-reject", new Call("receiveLicenseStatus", "IZINSTATUS", "93", "surat-penolakan", false));

    public OssProperties {
        Map<String, Call> merged = new LinkedHashMap<>(DEFAULT_CALLS);
        if (calls != null) {
            // A configured entry replaces the default one, except check-nib when it is not given: an office that
            // changes oss-register's kd-status keeps step 4's NIB check without knowing about it.
            calls.forEach((name, call) -> merged.put(name, call.checkNib() != null ? call
                    : call.withCheckNib(DEFAULT_CALLS.containsKey(name) && DEFAULT_CALLS.get(name).checkNib())));
        }
        calls = Map.copyOf(merged);
    }

    /**
     * One integration: the OSS method, the payload's wrapper object and the {@code kd_status} it reports.
     *
     * @param letter optional: the document kind (config/documents/) whose agenda number the status reports, in
     *     {@code keterangan}; the hand-over waits until that letter is numbered, also while the documents feature
     *     has not made it yet (a case whose SOP numbers no such letter sends none)
     * @param checkNib ask OSS first ({@code inqueryNIB}) whether it knows the dossier's NIB and, where OSS gives
     *     one, whether the NPWP matches; if not, the call is refused and becomes a task for staff (step 4); when a
     *     configured entry leaves it out, the default entry's value (true for {@code oss-register}, else false)
     */
    public record Call(@NotBlank String method, @NotBlank String wrapper, @NotBlank String kdStatus, String letter,
            Boolean checkNib) {

        Call withCheckNib(boolean check) {
            return new Call(method, wrapper, kdStatus, letter, check);
        }

        /** The final permit ({@code receiveLicense}, wrapper {@code IZINFINAL}) carries the permit's number. */
        public boolean issuesPermit() {
            return "IZINFINAL".equals(wrapper);
        }
    }

    /**
     * Redelivery with exponential backoff: {@code delay}, then times {@code multiplier}, at most {@code maxDelay},
     * {@code maxAttempts} redeliveries after the first call.
     */
    public record Retry(
            @DefaultValue("2s") @NotNull Duration delay,
            @DefaultValue("2.0") @DecimalMin("1.0") double multiplier,
            @DefaultValue("2m") @NotNull Duration maxDelay,
            @DefaultValue("10") @Min(0) int maxAttempts) {}

    /**
     * Resilience4j circuit breaker: opens when {@code failureRate} percent of the last {@code window} calls (at
     * least {@code minimumCalls}) failed, stays open {@code openFor}; while open, calls fail at once and are retried
     * by the redelivery above.
     */
    public record CircuitBreaker(
            @DefaultValue("50") @Min(1) int failureRate,
            @DefaultValue("10") @Min(1) int window,
            @DefaultValue("4") @Min(1) int minimumCalls,
            @DefaultValue("30s") @NotNull Duration openFor) {}

    /**
     * The health component's probe: one GET of {@code url} (empty: the base URL); any HTTP answer below 500 means OSS
     * is reachable (a 404 or 405 of a POST-only path included), a 5xx or no answer means it is not.
     *
     * @param timeout the probe's answer timeout (the connection timeout is {@code connect-timeout})
     * @param cache how long a probe's result is reused
     */
    public record Health(
            @DefaultValue("") String url,
            @DefaultValue("3s") @NotNull Duration timeout,
            @DefaultValue("10s") @NotNull Duration cache) {}

    public Call call(String integration) {
        Call c = calls.get(integration);
        if (c == null) {
            throw new IllegalArgumentException("no OSS call configured for integration '" + integration
                    + "' (pintu.oss.calls." + integration + ")");
        }
        return c;
    }
}
