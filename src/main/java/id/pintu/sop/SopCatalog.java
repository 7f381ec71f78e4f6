package id.pintu.sop;

import id.pintu.common.Sha256;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The SOPs and actors this hub runs. Every SOP may have several versions: a case runs to its end on the version it
 * started with, and a new case takes the newest.
 *
 * <p>At start-up each file of the SOP directory is compared (by {@link SopLoader#canonicalHash}) with the latest
 * stored version of its code in {@code sop_version}; a different definition is stored as the next version: the
 * latest stored number + 1, or the file's own {@code version:} if that is higher. Then every stored version is
 * loaded, so the catalog holds the old versions that running cases still follow. A bad file, or a stored version
 * that no longer validates (e.g. an actor removed that it needs), fails the start with the loader's message: the
 * office must not run on a definition it did not mean.
 */
@Component
public class SopCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(SopCatalog.class);

    /** Where one version came from and when the hub first stored it. */
    public record VersionInfo(String code, int version, String sha256, String source, Instant loadedAt, int steps) {}

    private record Loaded(SopDefinition definition, VersionInfo info, String content) {}

    /**
     * What an edited actors file adds (new actors: their queues and inboxes are made at once) and renames; not yet in
     * force until {@link #applyActors}.
     */
    public record ActorsChange(Map<String, Actor> next, String fingerprint, List<String> added, List<String> renamed) {}

    private record Actors(Map<String, Actor> byId, String fingerprint) {}

    private final Path actorsFile;
    /** Replaced as a whole when the actors file adds or renames actors while the hub runs. */
    private volatile Actors actors;
    private final List<Consumer<List<Actor>>> actorListeners = new CopyOnWriteArrayList<>();
    private final SopLoader loader;
    private final SopVersionStore store;
    private final Clock clock;
    private final String defaultSop;
    /** code -> version -> definition; replaced as a whole when a version is added at runtime. */
    private volatile Map<String, NavigableMap<Integer, Loaded>> sops;
    private final List<Consumer<List<SopDefinition>>> listeners = new CopyOnWriteArrayList<>();

    /** The definitions of the directory as they are, without version history (tools and unit tests). */
    public SopCatalog(SopProperties properties, Validator validator) {
        this(properties, validator, null, Clock.systemUTC());
    }

    @Autowired
    public SopCatalog(SopProperties properties, Validator validator, SopVersionStore store, Clock clock) {
        this.loader = new SopLoader(validator);
        this.store = store;
        this.clock = clock;
        this.actorsFile = properties.actorsFile();
        String actorsText = loader.read(actorsFile);
        this.actors = new Actors(Collections.unmodifiableMap(loader.parseActors(actorsFile.toString(), actorsText)),
                fingerprint(actorsText));
        Map<String, Actor> actors = this.actors.byId();
        Map<String, Path> fileOfCode = new TreeMap<>();
        Map<String, NavigableMap<Integer, Loaded>> loaded = new TreeMap<>();
        for (Path file : loader.listDirectory(properties.directory())) {
            String content = loader.read(file);
            SopDefinition sop = loader.parse(file.toString(), content, actors);
            Path previous = fileOfCode.put(sop.code(), file);
            if (previous != null) {
                throw new SopDefinitionException(properties.directory().toString(),
                        List.of("field code: two files define SOP '" + sop.code() + "' (" + previous.getFileName()
                                + ", " + file.getFileName() + ")"));
            }
            if (store == null) {
                int version = sop.versionOrDefault();
                loaded.computeIfAbsent(sop.code(), c -> new TreeMap<>()).put(version, new Loaded(sop,
                        new VersionInfo(sop.code(), version, loader.canonicalHash(sop), file.toString(), clock.instant(),
                                sop.steps().size()), content));
            } else {
                store(sop, content, file.toString());
            }
        }
        if (store != null) {
            for (SopVersionStore.Stored s : store.all()) {
                String source = "sop_version " + s.code() + " v" + s.version() + " (from " + s.source() + ")";
                SopDefinition sop = loader.parse(source, s.content(), actors).withVersion(s.version());
                loaded.computeIfAbsent(s.code(), c -> new TreeMap<>()).put(s.version(), new Loaded(sop,
                        new VersionInfo(s.code(), s.version(), s.sha256(), s.source(), s.loadedAt(), sop.steps().size()),
                        s.content()));
            }
        }
        loaded.forEach((code, versions) -> LOG.info("Loaded SOP {} ({}), versions {}, newest {} with {} steps", code,
                versions.lastEntry().getValue().definition().name(), versions.keySet(), versions.lastKey(),
                versions.lastEntry().getValue().definition().steps().size()));
        this.sops = Collections.unmodifiableMap(loaded);
        if (!sops.containsKey(properties.defaultSop())) {
            throw new SopDefinitionException(properties.directory().toString(),
                    List.of("pintu.sop.default-sop names '" + properties.defaultSop() + "', which is not loaded "
                            + sops.keySet()));
        }
        this.defaultSop = properties.defaultSop();
    }

    /**
     * Stores {@code sop} as a new version unless the latest stored version of its code has the same canonical
     * hash. Returns the version number the definition runs as.
     */
    private int store(SopDefinition sop, String content, String source) {
        String hash = loader.canonicalHash(sop);
        Optional<SopVersionStore.Stored> latest = store.latest(sop.code());
        if (latest.isPresent() && latest.get().sha256().equals(hash)) {
            return latest.get().version();
        }
        int version = Math.max(latest.map(l -> l.version() + 1).orElse(1), sop.version() == null ? 0 : sop.version());
        try {
            store.insert(new SopVersionStore.Stored(sop.code(), version, hash, content, source, clock.instant()));
        } catch (DuplicateKeyException e) {
            // Another hub on the same database stored it first: fine if it stored the same definition.
            SopVersionStore.Stored other = store.latest(sop.code()).orElseThrow();
            if (!other.sha256().equals(hash)) {
                throw new SopDefinitionException(source, List.of("version " + version + " of SOP '" + sop.code()
                        + "' was stored at the same moment by another hub with a different definition"));
            }
            return other.version();
        }
        LOG.info("SOP {}: {} differs from the latest stored version {}; stored as version {}", sop.code(), source,
                latest.map(l -> String.valueOf(l.version())).orElse("(none)"), version);
        // A file that holds an older version's rules is a revert (a new version, by design) or a hub's stale copy of
        // a directory the others changed (an import writes only the file of the hub it ran on): say which it was.
        latest.flatMap(newest -> store.all().stream()
                        .filter(s -> s.code().equals(sop.code()) && s.version() < newest.version()
                                && s.sha256().equals(hash))
                        .reduce((a, b) -> b))
                .ifPresent(older -> LOG.warn("SOP {}: {} holds the rules of version {}, not those of the newest stored"
                        + " version {} ({}): new cases now run version {} = version {} again. If this hub's copy of"
                        + " the SOP directory is stale, every hub must read one shared directory (docs/scale-out.md)",
                        sop.code(), source, older.version(), latest.get().version(), latest.get().source(),
                        version, older.version()));
        return version;
    }

    /**
     * Adds a definition while the hub runs (admin import): stored as a new version like a changed file at start-up,
     * then visible to new cases. Returns the definition with the version it was given.
     */
    public SopDefinition add(String content, String source) {
        SopDefinition sop = loader.parse(source, content, actors());
        SopDefinition installed;
        boolean isNew;
        synchronized (this) {
            int version = store == null ? sop.versionOrDefault() : store(sop, content, source);
            isNew = loaded(sop.code(), version).isEmpty();
            SopDefinition versioned = sop.withVersion(version);
            Map<String, NavigableMap<Integer, Loaded>> copy = new TreeMap<>();
            sops.forEach((code, versions) -> copy.put(code, new TreeMap<>(versions)));
            copy.computeIfAbsent(sop.code(), c -> new TreeMap<>()).putIfAbsent(version, new Loaded(versioned,
                    new VersionInfo(sop.code(), version, loader.canonicalHash(sop), source, clock.instant(),
                            sop.steps().size()), content));
            this.sops = Collections.unmodifiableMap(copy);
            installed = copy.get(sop.code()).get(version).definition();
        }
        if (isNew) {
            listeners.forEach(l -> l.accept(List.of(installed)));
        }
        return installed;
    }

    /**
     * Loads the versions another hub on the same database stored since this catalog was built (an SOP installed
     * through the admin API there). Returns the definitions added, oldest version first; empty when nothing is new.
     */
    public List<SopDefinition> refresh() {
        if (store == null || store.keys().stream().allMatch(k -> loaded(k.getKey(), k.getValue()).isPresent())) {
            return List.of();
        }
        List<SopDefinition> added = loadNewVersions();
        if (!added.isEmpty()) {
            listeners.forEach(l -> l.accept(added));
        }
        return added;
    }

    /**
     * {@code listener} is told of the versions added while the hub runs (installed here or loaded from the database),
     * after the catalog holds them; e.g. the workflow adds their routes.
     */
    public void onVersionsAdded(Consumer<List<SopDefinition>> listener) {
        listeners.add(listener);
    }

    private synchronized List<SopDefinition> loadNewVersions() {
        Map<String, NavigableMap<Integer, Loaded>> copy = null;
        List<SopDefinition> added = new ArrayList<>();
        for (SopVersionStore.Stored s : store.all()) {
            NavigableMap<Integer, Loaded> known = sops.get(s.code());
            if (known != null && known.containsKey(s.version())) {
                continue;
            }
            if (copy == null) {
                Map<String, NavigableMap<Integer, Loaded>> fresh = new TreeMap<>();
                sops.forEach((code, versions) -> fresh.put(code, new TreeMap<>(versions)));
                copy = fresh;
            }
            String source = "sop_version " + s.code() + " v" + s.version() + " (from " + s.source() + ")";
            SopDefinition sop;
            try {
                sop = loader.parse(source, s.content(), actors()).withVersion(s.version());
            } catch (SopDefinitionException e) {
                // Another hub's actors differ from this one's: this hub cannot run the version (its next start fails
                // the same way); the SOPs it knows go on.
                LOG.warn("SOP {} version {} stored by another hub does not load here: {}", s.code(), s.version(),
                        e.getMessage());
                continue;
            }
            copy.computeIfAbsent(s.code(), c -> new TreeMap<>()).put(s.version(), new Loaded(sop,
                    new VersionInfo(s.code(), s.version(), s.sha256(), s.source(), s.loadedAt(), sop.steps().size()),
                    s.content()));
            added.add(sop);
            LOG.info("SOP {} version {} stored by another hub; loaded ({})", s.code(), s.version(), s.source());
        }
        if (copy != null) {
            this.sops = Collections.unmodifiableMap(copy);
        }
        return added;
    }

    /** The newest version of each SOP (what new cases take). */
    public Collection<SopDefinition> all() {
        return sops.values().stream().map(v -> v.lastEntry().getValue().definition()).toList();
    }

    /** Every loaded version of every SOP (the routes serve them all). */
    public List<SopDefinition> allVersions() {
        List<SopDefinition> result = new ArrayList<>();
        sops.values().forEach(v -> v.values().forEach(l -> result.add(l.definition())));
        return result;
    }

    /**
     * The newest version of {@code code}. An SOP this hub does not know yet but another hub on the same database
     * installed a moment ago is loaded on the spot.
     */
    public Optional<SopDefinition> find(String code) {
        NavigableMap<Integer, Loaded> versions = code == null ? null : sops.get(code);
        if (versions == null && code != null && store != null && !refresh().isEmpty()) {
            versions = sops.get(code);
        }
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue().definition());
    }

    /** One version of {@code code}, loaded from the database if another hub stored it since this one started. */
    public Optional<SopDefinition> find(String code, int version) {
        Optional<SopDefinition> sop = loaded(code, version);
        if (sop.isEmpty() && code != null && store != null && !refresh().isEmpty()) {
            sop = loaded(code, version);
        }
        return sop;
    }

    private Optional<SopDefinition> loaded(String code, int version) {
        NavigableMap<Integer, Loaded> versions = code == null ? null : sops.get(code);
        Loaded l = versions == null ? null : versions.get(version);
        return l == null ? Optional.empty() : Optional.of(l.definition());
    }

    public SopDefinition require(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("unknown SOP '" + code + "'"));
    }

    /** The version a case runs on (loaded from the database if another hub stored it since this one started). */
    public SopDefinition require(String code, int version) {
        return find(code, version).orElseThrow(
                () -> new IllegalArgumentException("unknown SOP '" + code + "' version " + version));
    }

    public boolean isNewest(SopDefinition sop) {
        NavigableMap<Integer, Loaded> versions = sops.get(sop.code());
        return versions != null && versions.lastKey() == sop.versionOrDefault();
    }

    /** The versions of {@code code}, oldest first; empty if the SOP is unknown. */
    public List<VersionInfo> versions(String code) {
        NavigableMap<Integer, Loaded> versions = sops.get(code);
        return versions == null ? List.of() : versions.values().stream().map(Loaded::info).toList();
    }

    /** The text a version was loaded from (the file as it was, comments included). */
    public Optional<String> content(String code, int version) {
        NavigableMap<Integer, Loaded> versions = sops.get(code);
        Loaded l = versions == null ? null : versions.get(version);
        return l == null ? Optional.empty() : Optional.of(l.content());
    }

    public SopDefinition defaultSop() {
        return find(defaultSop).orElseThrow();
    }

    public Map<String, Actor> actors() {
        return actors.byId();
    }

    /** The name of the service an SOP code stands for (its newest version's); the code itself for an unknown one. */
    public String sopName(String code) {
        return find(code).map(SopDefinition::name).orElse(code);
    }

    /** The actor's name as pages and mails show it; its id when the actors file does not know it. */
    public String actorName(String actor) {
        Actor a = actors().get(actor);
        return a == null ? actor : a.name();
    }

    public Actor applicantActor() {
        return actors().values().stream().filter(Actor::applicant).findFirst().orElseThrow();
    }

    public boolean isApplicant(String actorId) {
        Actor a = actors().get(actorId);
        return a != null && a.applicant();
    }

    /** The loader this catalog validates with, against its actors. */
    public SopDefinition validate(String source, String content) {
        return loader.parse(source, content, actors());
    }

    /**
     * Reads the actors file again; empty if its text is what is in force. A file that can be put in force while the
     * hub runs adds actors or renames them: one that removes an actor, or turns one into the applicant or back,
     * is refused ({@link SopDefinitionException} naming the file and the actor), since the actor's queue, inbox and
     * the SOPs that name it stay until a restart. Changes nothing; {@link #applyActors} does.
     */
    public synchronized Optional<ActorsChange> actorsFileChange() {
        String text = loader.read(actorsFile);
        String fingerprint = fingerprint(text);
        Actors now = actors;
        if (fingerprint.equals(now.fingerprint())) {
            return Optional.empty();
        }
        Map<String, Actor> next = loader.parseActors(actorsFile.toString(), text);
        List<String> problems = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        now.byId().forEach((id, before) -> {
            Actor after = next.get(id);
            if (after == null) {
                problems.add("field actors: '" + id + "' is no longer listed; an actor is removed only by a restart"
                        + " (its queue and inbox run until then, and SOP versions may name it)");
            } else if (after.applicant() != before.applicant()) {
                problems.add("field actors: '" + id + "' changes whether it is the applicant; that takes a restart");
            } else if (!Objects.equals(after.name(), before.name())) {
                renamed.add(id);
            }
        });
        if (!problems.isEmpty()) {
            throw new SopDefinitionException(actorsFile.toString(), problems);
        }
        List<String> added = next.keySet().stream().filter(id -> !now.byId().containsKey(id)).toList();
        return Optional.of(new ActorsChange(Collections.unmodifiableMap(new LinkedHashMap<>(next)), fingerprint,
                added, List.copyOf(renamed)));
    }

    /**
     * Puts the actors of {@code change} in force, then tells the listeners of the new ones (the workflow gives each a
     * queue and an inbox). The change must come from {@link #actorsFileChange} on the actors now in force.
     */
    public void applyActors(ActorsChange change) {
        synchronized (this) {
            this.actors = new Actors(change.next(), change.fingerprint());
        }
        List<Actor> added = change.added().stream().map(change.next()::get).toList();
        if (!added.isEmpty()) {
            LOG.info("Actors added while running: {}", change.added());
            actorListeners.forEach(l -> l.accept(added));
        }
    }

    /** {@code listener} is told of the actors added while the hub runs, after the catalog holds them. */
    public void onActorsAdded(Consumer<List<Actor>> listener) {
        actorListeners.add(listener);
    }

    private static String fingerprint(String text) {
        return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
    }
}
