package id.pintu.oss.sandbox;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The OSS sandbox ({@code pintu.oss.sandbox.*}): a local stand-in for OSS, NOT OSS. Off in the prod profile. The
 * switches here are the start values; {@code POST /oss-sandbox/control} changes them at run time.
 *
 * @param enabled mount the sandbox at /oss-sandbox (default true for the embedded setup)
 * @param user the access user sendSecurityKey accepts
 * @param password the access password sendSecurityKey accepts
 * @param keyHeader the header the security key comes in
 * @param idempotencyHeader the header the caller's idempotency key comes in (else {@code id_permohonan})
 * @param keyTtl how long an issued security key is accepted
 * @param timeoutSleep how long a "timeout" answer sleeps after storing the request (longer than the client waits)
 * @param latency added to every answer
 * @param errorRate share of calls answered 503 before anything is stored (0..1)
 * @param timeoutRate share of storing calls that store, then sleep past the client's timeout (0..1)
 * @param duplicateRate share of storing calls answered kode 409 "duplikat" (0..1)
 * @param down every call answered 503 (OSS down)
 * @param unknownNibs NIBs that {@code inqueryNIB} answers as not registered (kode 404), to try the hub's NIB check;
 *     every other NIB is registered (with the company data of the sandbox's latest record for it, if any)
 */
@Validated
@ConfigurationProperties("pintu.oss.sandbox")
public record SandboxProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("pintu-sandbox") @NotBlank String user,
        @DefaultValue("pintu-sandbox") @NotBlank String password,
        @DefaultValue("user_key") @NotBlank String keyHeader,
        @DefaultValue("X-Idempotency-Key") @NotBlank String idempotencyHeader,
        @DefaultValue("1h") @NotNull Duration keyTtl,
        @DefaultValue("60s") @NotNull Duration timeoutSleep,
        @DefaultValue("0ms") @NotNull Duration latency,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double errorRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double timeoutRate,
        @DefaultValue("0") @DecimalMin("0") @DecimalMax("1") double duplicateRate,
        @DefaultValue("false") boolean down,
        @DefaultValue("9999999999999") List<String> unknownNibs) {}
