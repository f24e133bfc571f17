package io.posture.collect;

import io.posture.collect.RegistryViews.AuthKind;
import io.posture.collect.RegistryViews.RegistryForm;
import io.posture.collect.RegistryViews.RegistrySummary;
import io.posture.collect.RunViews.RunSummary;
import io.posture.collect.internal.OciRegistryClient.RegistryException;
import io.posture.collect.internal.RegistryCollector;
import io.posture.collect.internal.RegistryConnectionEntity;
import io.posture.collect.internal.RegistryConnectionRepository;
import io.posture.security.AuditLog;
import io.posture.security.CredentialVault;
import io.posture.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * Registries Posture collects images from: connections (administrators), with credentials
 * encrypted at rest and never shown again, and runs on demand, one at a time per registry.
 */
@Service
public class RegistryConnections {

    private static final Logger log = LoggerFactory.getLogger(RegistryConnections.class);
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*(/[a-z0-9]+([._-][a-z0-9]+)*)*");

    private final RegistryConnectionRepository connections;
    private final RegistryCollector collector;
    private final CredentialVault vault;
    private final AuditLog audit;
    private final Clock clock;
    private final ExecutorService runner = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("registry-", 0).daemon().factory());
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    RegistryConnections(RegistryConnectionRepository connections, RegistryCollector collector, CredentialVault vault,
                        AuditLog audit, Clock clock) {
        this.connections = connections;
        this.collector = collector;
        this.vault = vault;
        this.audit = audit;
        this.clock = clock;
    }

    public List<RegistrySummary> list() {
        return connections.findAllByOrderByName().stream().map(RegistryConnectionEntity::toSummary).toList();
    }

    /** Creates or changes a registry connection; a blank secret keeps the stored one. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public long save(RegistryForm form) {
        var name = form.name() == null ? "" : form.name().trim();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a registry name: lower-case letters, digits and '-', at most 63");
        }
        var url = form.url() == null ? "" : form.url().trim();
        if (!url.matches("https?://[^\\s/]+(/\\S*)?")) {
            throw new IllegalArgumentException("'" + url + "' is not a registry URL such as https://registry.example.com");
        }
        for (var repository : form.repositories()) {
            if (!REPOSITORY.matcher(repository).matches()) {
                throw new IllegalArgumentException("'" + repository + "' is not a repository name such as team/app");
            }
        }
        var existing = connections.findByName(name);
        var connection = existing.orElseGet(() -> new RegistryConnectionEntity(name, AuditLog.currentActor()));
        var secret = form.secret() == null || form.secret().isBlank() ? null : form.secret();
        if (form.authKind() != AuthKind.ANONYMOUS && secret == null && connection.getCredential() == null) {
            throw new IllegalArgumentException(form.authKind() == AuthKind.BASIC ? "Basic authentication needs a password" : "Token authentication needs a token");
        }
        if (form.authKind() == AuthKind.BASIC && (form.username() == null || form.username().isBlank())) {
            throw new IllegalArgumentException("Basic authentication needs a user name");
        }
        connection.configure(url, form.authKind(), form.authKind() == AuthKind.BASIC ? form.username().trim() : null,
                form.repositories(), clock.instant());
        if (form.authKind() == AuthKind.ANONYMOUS) {
            connection.setCredential(null);
        } else if (secret != null) {
            connection.setCredential(vault.encrypt(secret));
        }
        var saved = connections.save(connection);
        audit.record(existing.isPresent() ? "REGISTRY_CHANGED" : "REGISTRY_CREATED", "registry " + name, null,
                url + " (" + form.authKind() + ")", secret == null ? null : "credential set");
        return saved.getId();
    }

    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public void delete(long id) {
        var connection = connection(id);
        connections.delete(connection);
        audit.record("REGISTRY_DELETED", "registry " + connection.getName(), connection.getUrl(), null, "images collected so far stay");
    }

    /** Connects and says whether the registry accepts the credentials; the text is shown as it is. */
    @PreAuthorize("hasRole('" + Roles.ADMIN + "')")
    public String check(long id) {
        try {
            collector.check(connection(id));
            return "The registry answers and accepts the credentials";
        } catch (RegistryException e) {
            return e.getMessage();
        }
    }

    /** Collects now and waits for the result. */
    @PreAuthorize(Roles.CAN_IMPORT)
    public RunSummary collect(long id) {
        var connection = connection(id);
        var run = begin(connection);
        try {
            return collector.collect(connection, run);
        } finally {
            running.remove(connection.getName());
        }
    }

    /** Starts a run in the background and returns its id; refuses when one is running for this registry. */
    @PreAuthorize(Roles.CAN_IMPORT)
    public long collectInBackground(long id) {
        var connection = connection(id);
        var run = begin(connection);
        runner.submit(() -> {
            try {
                collector.collect(connection, run);
            } catch (RuntimeException e) {
                log.error("Collection of registry {} failed", connection.getName(), e);
            } finally {
                running.remove(connection.getName());
            }
        });
        return run.getId();
    }

    private io.posture.collect.internal.CollectionRunEntity begin(RegistryConnectionEntity connection) {
        if (!running.add(connection.getName())) {
            throw new IllegalStateException("A collection of registry " + connection.getName() + " is already running");
        }
        try {
            var run = collector.start(connection);
            audit.record("COLLECTION_REQUESTED", "registry " + connection.getName(), null, "run " + run.getId(), "collect now");
            return run;
        } catch (RuntimeException e) {
            running.remove(connection.getName());
            throw e;
        }
    }

    private RegistryConnectionEntity connection(long id) {
        return connections.findById(id).orElseThrow(() -> new NoSuchElementException("no registry " + id));
    }
}
