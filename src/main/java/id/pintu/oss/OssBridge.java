package id.pintu.oss;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.pintu.common.Texts;
import id.pintu.workflow.Application;
import id.pintu.workflow.ApplicationRepository;
import id.pintu.workflow.CaseEvents;
import id.pintu.workflow.CaseStatus;
import id.pintu.workflow.OutboxRelay;
import id.pintu.workflow.TaskRepository;
import id.pintu.workflow.WorkflowException;
import id.pintu.workflow.WorkflowHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the OSS routes decide, step by step: the hand-over from the workflow, one attempt at a call (reconciling
 * first when an earlier attempt may have reached OSS), the success that lets the case continue, and the failure
 * that becomes a task for staff.
 */
@Component("ossBridge")
public class OssBridge {

    private static final Logger LOG = LoggerFactory.getLogger(OssBridge.class);
    static final String CHECK_METHOD = "checkLicenseStatus";
    static final String NIB_METHOD = "inqueryNIB";

    private final OssProperties properties;
    private final OssRepository repository;
    private final OssPayloads payloads;
    private final OssClient client;
    private final ApplicationRepository applications;
    private final CaseEvents events;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json;
    private final ProducerTemplate producer;
    private final OssMetrics metrics;
    private final TaskRepository tasks;

    public OssBridge(OssProperties properties, OssRepository repository, OssPayloads payloads, OssClient client,
            ApplicationRepository applications, CaseEvents events, TransactionTemplate tx, Clock clock,
            ObjectMapper json, @Lazy ProducerTemplate producer, OssMetrics metrics, TaskRepository tasks) {
        this.tasks = tasks;
        this.properties = properties;
        this.repository = repository;
        this.payloads = payloads;
        this.client = client;
        this.applications = applications;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.producer = producer;
        this.metrics = metrics;
    }

    /** A step with {@code integration: oss-*} was completed: the request for the queue (its call row is created). */
    public OssRequest handOver(
            @Header(OssHeaders.INTEGRATION) String integration,
            @Header(WorkflowHeaders.APPLICATION_ID) String applicationId,
            @Header(WorkflowHeaders.SOP_CODE) String sopCode,
            @Header(WorkflowHeaders.SOP_VERSION) int sopVersion,
            @Header(WorkflowHeaders.STEP) int step,
            @Header(WorkflowHeaders.NEXT_STEP) int nextStep,
            @Header(OutboxRelay.OUTBOX_ID) String outboxId) {
        OssProperties.Call call = properties.call(integration);
        Application app = applications.find(applicationId)
                .orElseThrow(() -> new IllegalStateException("OSS hand-over for unknown case " + applicationId));
        Instant now = clock.instant();
        Map<String, String> data = payloads.snapshot(app, step, now);
        if (call.issuesPermit()) {
            data.put("nomor_izin", payloads.permitNumber(app));
        }
        if (call.letter() != null) {
            payloads.letterNumber(app, call.letter()).ifPresent(n -> data.put("nomor_surat", n));
        }
        // The step's visit: a case whose dossier went back to the front office passes step 4 again, and the second
        // hand-over had the first one's key, found it answered and never reached OSS (the corrected dossier's check
        // and status report were skipped). The same hand-over routed again (a crash) counts the same visit.
        int visit = Math.max(1, tasks.completedCount(applicationId, step));
        OssRequest r = new OssRequest(OssRequest.key(applicationId, step, call.method(), visit), integration,
                call.method(), applicationId, sopCode, sopVersion, step, nextStep, outboxId, data, now);
        repository.createCall(r, now);
        LOG.info("Case {} step {}: {} queued for OSS ({})", app.trackingCode(), step, call.method(), r.key());
        return r;
    }

    /** True when OSS already answered this key: the request is a repeat and needs no second call. */
    public boolean alreadyDone(@ExchangeProperty(OssHeaders.REQUEST) OssRequest r) {
        Optional<OssRepository.Call> call = repository.findCall(r.key());
        if (call.isEmpty()) {
            repository.createCall(r, clock.instant());
            return false;
        }
        boolean done = call.get().status() == OssRepository.CallStatus.DONE
                || call.get().status() == OssRepository.CallStatus.CANCELLED;
        if (done) {
            LOG.info("OSS call {} already answered ({}); continuing without calling again", r.key(),
                    call.get().ossReference());
        }
        return done;
    }

    /**
     * One attempt. After an earlier attempt (which may have reached OSS before its answer was lost) OSS is asked
     * first whether it holds the key; OSS also gets the key with the call, so that it can refuse a duplicate.
     */
    public void call(@ExchangeProperty(OssHeaders.REQUEST) OssRequest handedOver) {
        if (cancelledForClosedCase(handedOver)) {
            return;
        }
        // The applicant's and company's identity as the case holds it now: the front office may have corrected the
        // NIB or NPWP after the hand-over (OSS refused it, or it waited for OSS); once OSS has recorded a call of the
        // case the identity can no longer change (CaseDataCorrections), so later calls send what OSS holds
        OssRequest r = applications.find(handedOver.applicationId())
                .map(app -> payloads.withCurrentParties(handedOver, app)).orElse(handedOver);
        String token = UUID.randomUUID().toString();
        OptionalInt claimed = claim(r, token);
        if (claimed.isEmpty()) {
            return;
        }
        int before = claimed.getAsInt();
        try {
            String idIzin = repository.findCase(r.applicationId()).map(OssRepository.OssCase::idIzin).orElse(null);
            if (before > 0) {
                renew(r, token);
                Optional<OssAnswer> held = reconcile(r, idIzin);
                if (held.isPresent()) {
                    LOG.info("OSS already holds {} (found by {}); no second call", r.key(), CHECK_METHOD);
                    succeeded(r, held.get());
                    return;
                }
            }
            if (Boolean.TRUE.equals(properties.call(r.integration()).checkNib())) {
                renew(r, token);
                checkNib(r);
            }
            renew(r, token);
            OssAnswer a = client.send(r.method(), r.key(), payloads.body(r, idIzin));
            if (a.ok()) {
                succeeded(r, a);
                return;
            }
            if (a.kode() == 409) {
                // OSS says it has this request already: take its record rather than sending again.
                renew(r, token);
                Optional<OssAnswer> held = reconcile(r, idIzin);
                if (held.isPresent()) {
                    succeeded(r, held.get());
                    return;
                }
                throw new OssUnavailableException("OSS reports " + r.key() + " as a duplicate but "
                        + CHECK_METHOD + " does not find it yet", true, null);
            }
            // A refusal is not OSS being down: it is kept out of the circuit breaker's count and raised after it.
            repository.callFailed(r.key(), OssRepository.CallStatus.REFUSED, "OSS refused " + r.method()
                    + " for step " + r.step() + ": kode " + a.kode() + " " + a.keterangan(), clock.instant());
        } catch (OssRejectedException e) {
            repository.callFailed(r.key(), OssRepository.CallStatus.REFUSED, e.getMessage(), clock.instant());
        } catch (RuntimeException e) {
            repository.callFailed(r.key(), OssRepository.CallStatus.PENDING, e.getMessage(), clock.instant());
            throw e;
        } finally {
            repository.release(r.key(), token);
        }
    }

    /**
     * How long a claim lasts without renewal: one request to OSS with its key fetched and refreshed once (up to four
     * HTTP calls), and 10 s. The claim is renewed before each request.
     */
    private Duration claimFor() {
        return properties.connectTimeout().plus(properties.responseTimeout()).multipliedBy(4).plusSeconds(10);
    }

    private void renew(OssRequest r, String token) {
        if (!repository.renew(r.key(), token, clock.instant().plus(claimFor()))) {
            LOG.warn("OSS call {}: this delivery's claim had run out and was taken over", r.key());
        }
    }

    /**
     * This delivery's claim on the call, or empty once the call is answered, refused, failed or cancelled. Another
     * delivery of the same request calling OSS at this moment (the outbox relay routed a hand-over twice around a
     * crash; two consumers or two hubs took the copies) is waited for, not joined by a second post: its answer is then
     * this one's. A holder that has not answered within {@value #TAKE_OVER_SECONDS} s (it crashed, or OSS is slow) is
     * taken over, as an attempt after another: OSS is asked first whether it holds the key.
     */
    private OptionalInt claim(OssRequest r, String token) {
        long started = System.nanoTime();
        long giveUp = started + TAKE_OVER_AFTER.toNanos();
        while (true) {
            Instant now = clock.instant();
            OptionalInt claimed = repository.claim(r.key(), token, now, now.plus(claimFor()));
            if (claimed.isPresent()) {
                return claimed;
            }
            OssRepository.CallStatus status = repository.findCall(r.key()).map(OssRepository.Call::status)
                    .orElse(OssRepository.CallStatus.DONE);
            // A staff retry sends its request before its transaction, which makes the call PENDING again, commits:
            // a FAILED call is looked at again for a moment before it is taken for another delivery's failure
            boolean retryCommitting = status == OssRepository.CallStatus.FAILED
                    && System.nanoTime() - started < RETRY_COMMIT_GRACE.toNanos();
            if (status != OssRepository.CallStatus.PENDING && !retryCommitting) {
                LOG.info("OSS call {} was taken care of by another delivery ({})", r.key(), status);
                return OptionalInt.empty();
            }
            if (System.nanoTime() > giveUp) {
                // The holder is slow or crashed (a killed hub's claim would stand until it runs out, and this
                // consumer's prefetched requests with it): take over; an attempt after another asks OSS first
                // whether it holds the key, so a post that landed is not made again
                LOG.warn("OSS call {} still held by another delivery after {} s; taking it over", r.key(),
                        TAKE_OVER_AFTER.toSeconds());
                OptionalInt taken = repository.takeOver(r.key(), token, now, now.plus(claimFor()));
                if (taken.isPresent()) {
                    return OptionalInt.of(Math.max(1, taken.getAsInt()));
                }
                continue;
            }
            try {
                Thread.sleep(CLAIM_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OssUnavailableException("interrupted waiting for another delivery of " + r.key(), false, e);
            }
        }
    }

    private static final Duration CLAIM_POLL = Duration.ofMillis(200);
    private static final Duration RETRY_COMMIT_GRACE = Duration.ofSeconds(5);
    private static final int TAKE_OVER_SECONDS = 10;
    private static final Duration TAKE_OVER_AFTER = Duration.ofSeconds(TAKE_OVER_SECONDS);

    /**
     * The applicant's NIB as OSS knows it (contract: step 4, "to check the applicant's NIB"): unknown to OSS, or
     * registered under another NPWP than the dossier's, is a refusal for staff to sort out with the applicant; OSS
     * being away is retried like any call.
     */
    private void checkNib(OssRequest r) {
        String nib = r.data().get("nib");
        OssAnswer a = client.send(NIB_METHOD, null, payloads.inqueryNib(r));
        if (a.kode() == 404) {
            throw new OssRejectedException(a.kode(), "OSS does not know NIB " + nib + " (" + NIB_METHOD + " kode "
                    + a.kode() + ": " + a.keterangan() + "); check the NIB with the applicant");
        }
        if (!a.ok()) {
            throw new OssRejectedException(a.kode(), "OSS refused " + NIB_METHOD + " for NIB " + nib + ": kode "
                    + a.kode() + " " + a.keterangan());
        }
        JsonNode data = a.body() == null ? null : a.body().get("dataNIB");
        String ossNpwp = data == null || !data.hasNonNull("npwp_perseroan") ? null : data.get("npwp_perseroan").asText();
        String dossierNpwp = r.data().get("npwp");
        if (ossNpwp != null && !npwp(ossNpwp).isEmpty() && !npwp(ossNpwp).equals(npwp(dossierNpwp))) {
            throw new OssRejectedException(a.kode(), "NIB " + nib + " is registered in OSS with NPWP " + ossNpwp
                    + ", the dossier says " + dossierNpwp + "; check the NPWP with the applicant");
        }
        LOG.info("OSS knows NIB {} for {} ({})", nib, r.key(), data == null || !data.hasNonNull("nama_perseroan")
                ? "no company data" : data.get("nama_perseroan").asText());
    }

    /** The NPWP's digits; the 16-digit form of a 15-digit NPWP ("0" in front, since 2024) counts as the same. */
    static String npwp(String s) {
        String d = s == null ? "" : s.replaceAll("\\D", "");
        return d.length() == 16 && d.charAt(0) == '0' ? d.substring(1) : d;
    }

    /**
     * Whether OSS holds this very call: its answer to {@value #CHECK_METHOD} names the call's {@code kd_status} (and,
     * if it names one, the call's {@code id_permohonan}). OSS reads a status back per permit, so a 200 about the
     * permit's earlier status (step 22's 45 while step 23's call is asked about) is not this call stored: taken for
     * it, step 23 was marked done and never sent. When not held, the call goes again under its idempotency key.
     */
    private Optional<OssAnswer> reconcile(OssRequest r, String idIzin) {
        OssAnswer a = client.send(CHECK_METHOD, r.key(), payloads.checkStatus(r, idIzin));
        if (a.ok()) {
            String status = properties.call(r.integration()).kdStatus();
            String id = a.text("id_permohonan");
            if (status.equals(a.text("kd_status")) && (id == null || id.equals(r.key()))) {
                return Optional.of(a);
            }
            LOG.info("OSS answers {} for {} with kd_status {} (id_permohonan {}), not this call's {}: calling it",
                    CHECK_METHOD, r.key(), a.text("kd_status"), id, status);
            return Optional.empty();
        }
        if (a.kode() == 404) {
            return Optional.empty();
        }
        throw new OssRejectedException(a.kode(), CHECK_METHOD + " for " + r.key() + " refused: kode " + a.kode()
                + " " + a.keterangan());
    }

    private void succeeded(OssRequest r, OssAnswer a) {
        Instant now = clock.instant();
        String idIzin = a.text("id_izin");
        Instant effective = null;
        if (properties.call(r.integration()).issuesPermit()) {
            // SOP step 23: the permit is in force ("Izin Efektif") from the moment OSS states, or its answer.
            effective = OssPayloads.parse(a.text("tgl_efektif")).orElse(now);
        }
        Instant effectiveAt = effective;
        tx.executeWithoutResult(s -> {
            repository.callDone(r.key(), idIzin, a.body() == null ? null : a.body().toString(), now);
            repository.saveCase(r.applicationId(), r.data().get("nib"), idIzin, effectiveAt, now);
            repository.resolveFailures(r.key(), now);
        });
        LOG.info("OSS answered {} for {} (id_izin {})", r.method(), r.key(), idIzin);
    }

    /**
     * After the attempt: the case may go on only if OSS's answer is recorded; a refusal is raised here, outside the
     * circuit breaker, so that the error handling makes it a staff task at once.
     */
    public void confirm(@ExchangeProperty(OssHeaders.REQUEST) OssRequest r) {
        OssRepository.Call call = repository.findCall(r.key())
                .orElseThrow(() -> new IllegalStateException("no OSS call record for " + r.key()));
        switch (call.status()) {
            // A cancelled call goes on too: the next step is not entered for a closed case (TaskProjection).
            case DONE, CANCELLED -> { }
            case REFUSED -> throw new OssRejectedException(0, call.lastError());
            default -> throw new OssUnavailableException("OSS has not confirmed " + r.key() + " yet", true, null);
        }
    }

    /** The headers {@code enter-step} needs to enter the step after the OSS step, as the workflow handed over. */
    public void continueHeaders(@ExchangeProperty(OssHeaders.REQUEST) OssRequest r, Message message) {
        message.getHeaders().clear();
        message.setHeader(WorkflowHeaders.APPLICATION_ID, r.applicationId());
        message.setHeader(WorkflowHeaders.SOP_CODE, r.sopCode());
        message.setHeader(WorkflowHeaders.SOP_VERSION, r.sopVersion());
        message.setHeader(WorkflowHeaders.STEP, r.step());
        message.setHeader(WorkflowHeaders.NEXT_STEP, r.nextStep());
        message.setHeader(WorkflowHeaders.AWAIT_APPLICANT, false);
        // The next task's id is derived from the outbox event of the completion, so a repeat enters it once.
        message.setHeader(OutboxRelay.OUTBOX_ID, r.outboxId());
        message.setBody(null);
    }

    /** The retries are spent (or OSS refused the request): record it for staff and publish it. */
    public void failed(@ExchangeProperty(OssHeaders.REQUEST) OssRequest r,
            @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception cause) {
        if (r == null) {
            throw new IllegalStateException("unreadable OSS request message; left to the broker's dead-letter queue",
                    cause);
        }
        if (cancelledForClosedCase(r)) {
            return;
        }
        Instant now = clock.instant();
        String error = cause == null ? "unknown error" : cause.getMessage() == null ? cause.toString() : cause.getMessage();
        String request;
        try {
            request = json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String id = UUID.randomUUID().toString();
        boolean recorded = Boolean.TRUE.equals(tx.execute(s -> {
            repository.lockCall(r.key());
            if (repository.hasOpenFailure(r.key())) {
                // Another delivery of the same request was refused or gave up first: one task for staff is enough
                return false;
            }
            int attempts = repository.findCall(r.key()).map(OssRepository.Call::attempts).orElse(0);
            repository.callFailed(r.key(), OssRepository.CallStatus.FAILED, error, now);
            repository.insertFailure(new OssRepository.Failure(id, r.key(), r.applicationId(), r.step(), r.method(),
                    error, attempts, now, request, OssRepository.FailureStatus.OPEN, now, null, null, null));
            events.append(id, OssFailureEvent.KIND, r.applicationId(),
                    new OssFailureEvent(id, r.applicationId(), r.step(), r.method(), r.key(),
                            Texts.cut(error, 1000), attempts, now), now);
            return true;
        }));
        if (!recorded) {
            LOG.info("OSS call {} already waits for staff; not recorded twice: {}", r.key(), error);
            return;
        }
        metrics.failure(r.method(), cause instanceof OssRejectedException);
        LOG.warn("OSS call {} failed for good, now a task for staff (failure {}): {}", r.key(), id, error);
    }

    /**
     * A case withdrawn by the applicant or abandoned after its step was handed over (while OSS was away, or while
     * staff had not retried a failure yet) is not registered, issued or rejected in OSS: checked before every attempt
     * (a redelivery starts at the call, not at the route's start) and before a failure is raised for staff. The call
     * is cancelled and its open failures resolved. A call an earlier attempt may have delivered before its answer was
     * lost is cancelled all the same: the hub does not send it again.
     */
    private boolean cancelledForClosedCase(OssRequest r) {
        CaseStatus status = applications.find(r.applicationId()).map(Application::status).orElse(null);
        if (status != CaseStatus.WITHDRAWN && status != CaseStatus.ABANDONED) {
            return false;
        }
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            repository.callFailed(r.key(), OssRepository.CallStatus.CANCELLED, "not sent: the case was "
                    + status.name().toLowerCase() + " before OSS took " + r.method(), now);
            repository.resolveFailures(r.key(), now);
        });
        LOG.info("OSS call {} cancelled: case {} is {}", r.key(), r.applicationId(), status);
        return true;
    }

    /**
     * Staff retry a failure: the stored request goes back on the queue, once (its attempt sends the applicant's and
     * company's identity as the case holds it then: the front office may have corrected the NIB or NPWP OSS refused).
     */
    public OssRepository.Failure retry(String failureId, String by) {
        OssRepository.Failure f = repository.findFailure(failureId)
                .orElseThrow(() -> WorkflowException.notFound("no OSS failure " + failureId));
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            if (!repository.markRetried(failureId, by, now)) {
                throw WorkflowException.conflict("OSS failure " + failureId + " is already "
                        + repository.findFailure(failureId).map(x -> x.status().name().toLowerCase()).orElse("gone"));
            }
            repository.callPending(f.key(), now);
            // Sent before the commit: if the commit fails, the extra request finds its key answered or retries it.
            producer.sendBody("jms:queue:" + properties.requestQueue() + "?deliveryPersistent=true", f.request());
        });
        LOG.info("OSS failure {} ({}) retried by {}", failureId, f.key(), by);
        return repository.findFailure(failureId).orElseThrow();
    }
}
