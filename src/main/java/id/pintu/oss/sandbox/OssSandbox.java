package id.pintu.oss.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.pintu.common.TimeOrderedIds;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A local stand-in for OSS's host-to-host interface, NOT OSS: it answers the methods the hub calls with OSS's
 * wrappers and codes, keeps one record per idempotency key (a repeat gets the stored answer, never a second
 * record), and misbehaves on request (latency, 503s, timeouts after storing, "duplikat" answers, downtime).
 */
@Component
@ConditionalOnProperty(prefix = "pintu.oss.sandbox", name = "enabled", havingValue = "true", matchIfMissing = true)
public class OssSandbox {

    /** An answer: HTTP status and the JSON body. */
    public record Reply(int httpStatus, ObjectNode body) {}

    private static final Logger LOG = LoggerFactory.getLogger(OssSandbox.class);
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final DateTimeFormatter OSS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    static final String MARK = "OSS SANDBOX";

    private final SandboxProperties properties;
    private final SandboxRepository repository;
    private final ObjectMapper json;
    private final Clock clock;
    private final AtomicReference<SandboxSwitches> switches;
    private final Map<String, Instant> keys = new ConcurrentHashMap<>();
    private final TransactionTemplate tx;

    public OssSandbox(SandboxProperties properties, SandboxRepository repository, ObjectMapper json, Clock clock,
            TransactionTemplate tx) {
        this.properties = properties;
        this.repository = repository;
        this.json = json;
        this.clock = clock;
        this.tx = tx;
        this.switches = new AtomicReference<>(SandboxSwitches.of(properties));
    }

    public SandboxSwitches switches() {
        return switches.get();
    }

    /** Applies a control request; returns the error text of an invalid one (nothing changed then). */
    public Optional<String> control(SandboxSwitches change) {
        if (Boolean.TRUE.equals(change.expireKeys())) {
            keys.clear();
        }
        SandboxSwitches base = Boolean.TRUE.equals(change.reset()) ? SandboxSwitches.of(properties) : switches.get();
        SandboxSwitches next = base.with(change);
        String error = next.validate();
        if (error != null) {
            return Optional.of(error);
        }
        switches.set(next);
        LOG.info("{} switches now {}", MARK, next);
        return Optional.empty();
    }

    /**
     * A GET of the base path, as the hub's health probe sends it: 503 while the sandbox is switched down, else 200.
     * Not logged as a request, so that the probe does not fill the request list.
     */
    public int ping() {
        return switches.get().down() ? 503 : 200;
    }

    /** One call of {@code method}. */
    public Reply handle(String method, String securityKey, String idempotencyHeader, String body) {
        SandboxSwitches s = switches.get();
        pause(s.latencyMs());
        if (s.down()) {
            return log(method, idempotencyHeader, body, 503, 503, "sedang tidak tersedia (down)", null);
        }
        if (method.equals("sendSecurityKey")) {
            return securityKey(body);
        }
        Instant issued = securityKey == null ? null : keys.get(securityKey);
        if (issued == null || issued.plus(properties.keyTtl()).isBefore(clock.instant())) {
            return log(method, null, body, 401, 401, "kunci akses tidak sah atau kedaluwarsa; minta sendSecurityKey", null);
        }
        JsonNode p = inner(body);
        if (method.equals("inqueryNIB")) {
            // A read of OSS's NIB registry: only "down" (above) applies; the error, reject, timeout and duplicate
            // switches act on the methods that send something, so a switch set for a step's call still hits it.
            return inqueryNib(method, p, body);
        }
        String key = Optional.ofNullable(idempotencyHeader).filter(k -> !k.isBlank())
                .orElseGet(() -> text(p, "id_permohonan"));
        if (take(s.errorNext(), s.errorRate(), Counter.ERROR)) {
            return log(method, key, body, 503, 503, "gangguan sementara (error switch)", null);
        }
        if (take(s.rejectNext(), 0, Counter.REJECT)) {
            return log(method, key, body, 200, s.rejectKode(), "permintaan ditolak (reject switch, kode " + s.rejectKode() + ")", null);
        }
        return switch (method) {
            case "receiveLicenseStatus", "receiveLicense" -> store(method, key, p, body, s);
            case "checkLicenseStatus" -> check(method, key, p, body);
            default -> log(method, key, body, 404, 404, "metode tidak didukung oleh sandbox", null);
        };
    }

    private Reply securityKey(String body) {
        JsonNode p = inner(body);
        if (properties.user().equals(text(p, "user_akses")) && properties.password().equals(text(p, "pwd_akses"))) {
            String key = UUID.randomUUID().toString().replace("-", "");
            keys.put(key, clock.instant());
            return log("sendSecurityKey", null, "{\"securityKey\":{\"user_akses\":\"" + text(p, "user_akses")
                    + "\",\"pwd_akses\":\"***\"}}", 200, 200, "kunci akses diberikan", Map.of("key", key));
        }
        return log("sendSecurityKey", null, null, 401, 401, "user_akses atau pwd_akses salah", null);
    }

    private Reply store(String method, String key, JsonNode p, String body, SandboxSwitches s) {
        if (key == null) {
            return log(method, null, body, 400, 400, "id_permohonan (atau header " + properties.idempotencyHeader()
                    + ") wajib diisi", null);
        }
        String kdStatus = text(p, "kd_status");
        String nib = text(p, "nib");
        if (kdStatus == null || nib == null) {
            return log(method, key, body, 400, 400, "nib dan kd_status wajib diisi", null);
        }
        Optional<SandboxRepository.Record> existing = repository.byKey(key);
        if (existing.isPresent()) {
            return replay(method, key, body, existing.get(), s);
        }
        String given = text(p, "id_izin");
        if (given != null && !repository.izinExists(given)) {
            return log(method, key, body, 404, 404, "id_izin tidak dikenal: " + given, null);
        }
        Instant now = clock.instant();
        String idIzin = given != null ? given : "SBX-I-" + DAY.format(LocalDateTime.ofInstant(now, WIB))
                + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        ObjectNode answer = json.createObjectNode();
        answer.put("kode", 200);
        answer.put("keterangan", (method.equals("receiveLicense") ? "Izin diterima, Izin Efektif" : "Status izin diterima")
                + " (" + MARK + ", bukan OSS)");
        answer.put("id_izin", idIzin);
        answer.put("id_permohonan", key);
        answer.put("kd_status", kdStatus);
        answer.put("tgl_terima", OSS_TIME.format(LocalDateTime.ofInstant(now, WIB)));
        if (method.equals("receiveLicense")) {
            answer.put("status_izin", "Izin Efektif");
            answer.put("tgl_efektif", OSS_TIME.format(LocalDateTime.ofInstant(now, WIB)));
        }
        SandboxRepository.Record record = new SandboxRepository.Record(TimeOrderedIds.next(now), key, method, idIzin,
                nib, kdStatus, body, answer.toString(), now);
        // The record and its request's log line commit together: one commit per stored call, not two.
        Stored stored;
        try {
            stored = tx.execute(t -> {
                if (!repository.insert(record)) {
                    return null;
                }
                if (take(s.timeoutNext(), s.timeoutRate(), Counter.TIMEOUT)) {
                    log(method, key, body, 200, 200, "disimpan, jawaban ditahan " + s.timeoutSleepMs()
                            + " ms (timeout switch)", null);
                    return new Stored(new Reply(200, wrap(method, answer)), s.timeoutSleepMs());
                }
                if (take(s.duplicateNext(), s.duplicateRate(), Counter.DUPLICATE)) {
                    return new Stored(log(method, key, body, 409, 409, "data sudah ada (duplikat) (duplicate switch)",
                            null), 0);
                }
                return new Stored(log(method, key, body, 200, 200, "disimpan: " + idIzin, fields(answer)), 0);
            });
        } catch (DuplicateKeyException e) {
            // A racing request with the same key stored first (its unique key refused ours, and our log line).
            stored = null;
        }
        if (stored == null) {
            return replay(method, key, body, repository.byKey(key).orElseThrow(), s);
        }
        // The "lost answer": stored, but the caller has given up before the answer comes.
        pause(stored.holdMs());
        return stored.reply();
    }

    /** A stored call's answer, and how long the timeout switch holds it back. */
    private record Stored(Reply reply, long holdMs) {}

    private Reply replay(String method, String key, String body, SandboxRepository.Record r, SandboxSwitches s) {
        if (take(s.duplicateNext(), s.duplicateRate(), Counter.DUPLICATE)) {
            return log(method, key, body, 409, 409, "data sudah ada (duplikat)", null);
        }
        return log(method, key, body, 200, 200, "sudah ada, jawaban diulang: " + r.idIzin(), fields(read(r.answer())));
    }

    /**
     * {@code checkLicenseStatus} as OSS reads a status back: per permit when the call names one ({@code id_izin}: the
     * status it holds now, the latest stored for it, whatever the key), else by the key (a first call whose answer,
     * with the permit's id, was lost).
     */
    private Reply check(String method, String key, JsonNode p, String body) {
        String idIzin = text(p, "id_izin");
        Optional<SandboxRepository.Record> r = idIzin != null ? repository.latestOfIzin(idIzin)
                : key != null ? repository.byKey(key) : Optional.empty();
        if (r.isEmpty()) {
            return log(method, key, body, 404, 404, "data tidak ditemukan", null);
        }
        return log(method, key, body, 200, 200, "ditemukan: " + r.get().idIzin(), fields(read(r.get().answer())));
    }

    /**
     * OSS's NIB data: every NIB is registered except those in {@code unknown-nibs}; the company's NPWP and name come
     * from the sandbox's latest record for the NIB (what an earlier call reported), none before the first.
     */
    private Reply inqueryNib(String method, JsonNode p, String body) {
        String nib = text(p, "nib");
        if (nib == null || nib.isBlank()) {
            return log(method, null, body, 400, 400, "nib wajib diisi", null);
        }
        if (properties.unknownNibs().contains(nib)) {
            return log(method, null, body, 404, 404, "NIB " + nib + " tidak terdaftar", null);
        }
        ObjectNode data = json.createObjectNode();
        data.put("nib", nib);
        data.put("status_nib", "aktif");
        repository.latestOfNib(nib).ifPresent(r -> {
            JsonNode stored = inner(r.payload());
            data.put("npwp_perseroan", text(stored, "npwp"));
            data.put("nama_perseroan", text(stored, "nama_perusahaan"));
        });
        return log(method, null, body, 200, 200, "NIB ditemukan", Map.of("dataNIB", data));
    }

    // ----------------------------------------------------------------------------------------------- plumbing

    private enum Counter { ERROR, TIMEOUT, DUPLICATE, REJECT }

    /** Whether a switch fires for this call: a pending "next" count (used up atomically) or the random rate. */
    private boolean take(int next, double rate, Counter counter) {
        if (next > 0) {
            while (true) {
                SandboxSwitches cur = switches.get();
                int left = switch (counter) {
                    case ERROR -> cur.errorNext();
                    case TIMEOUT -> cur.timeoutNext();
                    case DUPLICATE -> cur.duplicateNext();
                    case REJECT -> cur.rejectNext();
                };
                if (left <= 0) {
                    break;
                }
                SandboxSwitches dec = cur.with(new SandboxSwitches(null, null, null, null, null,
                        counter == Counter.ERROR ? left - 1 : null, counter == Counter.TIMEOUT ? left - 1 : null,
                        counter == Counter.DUPLICATE ? left - 1 : null, counter == Counter.REJECT ? left - 1 : null,
                        null, null, null, null));
                if (switches.compareAndSet(cur, dec)) {
                    return true;
                }
            }
        }
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private Reply log(String method, String key, String payload, int http, int kode, String outcome,
            Map<String, ? extends Object> data) {
        repository.log(method, key, http, kode, outcome, clock.instant(), payload);
        ObjectNode inner = json.createObjectNode();
        inner.put("kode", kode);
        inner.put("keterangan", kode == 200 ? outcome : MARK + ": " + outcome);
        if (data != null) {
            data.forEach((k, v) -> inner.set(k, json.valueToTree(v)));
        }
        return new Reply(http, wrap(method, inner));
    }

    private ObjectNode wrap(String method, ObjectNode inner) {
        ObjectNode root = json.createObjectNode();
        root.set("respon" + method, inner);
        return root;
    }

    private Map<String, JsonNode> fields(JsonNode answer) {
        Map<String, JsonNode> m = new java.util.LinkedHashMap<>();
        answer.fields().forEachRemaining(e -> {
            if (!e.getKey().equals("kode") && !e.getKey().equals("keterangan")) {
                m.put(e.getKey(), e.getValue());
            }
        });
        return m;
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    private JsonNode inner(String body) {
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        JsonNode root = read(body);
        if (root.isObject() && root.size() == 1) {
            Iterator<JsonNode> it = root.elements();
            JsonNode only = it.next();
            if (only.isObject()) {
                return only;
            }
        }
        return root;
    }

    private static String text(JsonNode p, String field) {
        JsonNode v = p == null ? null : p.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
