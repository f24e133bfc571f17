package io.posture.collect.internal;

import io.posture.collect.CollectionProgressed;
import io.posture.collect.ConnectionViews.Progress;
import io.posture.collect.RegistryCollected;
import io.posture.collect.RunStatus;
import io.posture.collect.RunViews.RunSummary;
import io.posture.collect.internal.OciRegistryClient.Credentials;
import io.posture.collect.internal.OciRegistryClient.Manifest;
import io.posture.collect.internal.OciRegistryClient.RegistryException;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.RegistryImage;
import io.posture.security.CredentialVault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Collects a registry over the OCI distribution API: its repositories (the catalog, or the ones
 * configured), their tags, the manifest each tag resolves to (multi-arch indexes read for their
 * linux/amd64 image, or the first), the config blob, and signatures (the referrers API and the
 * cosign {@code sha256-<hex>.sig}/{@code .att} tags). A repository or tag that fails is a problem
 * of a PARTIAL run; what was read is stored.
 */
@Component
public class RegistryCollector {

    private static final Logger log = LoggerFactory.getLogger(RegistryCollector.class);
    private static final Pattern COSIGN_TAG = Pattern.compile("sha256-([0-9a-f]{64})\\.(sig|att)");
    private static final Set<String> SIGNATURE_TYPES = Set.of("application/vnd.dev.cosign.artifact.sig.v1+json",
            "application/vnd.cncf.notary.signature", "application/vnd.dev.sigstore.bundle.v0.3+json");
    private static final Set<String> ATTESTATION_TYPES = Set.of("application/vnd.in-toto+json", "application/vnd.dsse.envelope.v1+json");

    private final CollectionRunRepository runs;
    private final ImageCatalog catalog;
    private final CredentialVault vault;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int maxRepositories;
    private final int maxTagsPerRepository;

    RegistryCollector(CollectionRunRepository runs, ImageCatalog catalog, CredentialVault vault,
                      ApplicationEventPublisher events, Clock clock,
                      @Value("${posture.registry.max-repositories:1000}") int maxRepositories,
                      @Value("${posture.registry.max-tags-per-repository:200}") int maxTagsPerRepository) {
        this.runs = runs;
        this.catalog = catalog;
        this.vault = vault;
        this.events = events;
        this.clock = clock;
        this.maxRepositories = maxRepositories;
        this.maxTagsPerRepository = maxTagsPerRepository;
    }

    public CollectionRunEntity start(RegistryConnectionEntity connection) {
        return runs.save(new CollectionRunEntity("registry " + connection.getName(), "registry API: " + connection.getUrl(), clock.instant()));
    }

    /** Checks that the registry answers and accepts the credentials; the message says what went wrong. */
    public void check(RegistryConnectionEntity connection) {
        client(connection).ping();
    }

    public RunSummary collect(RegistryConnectionEntity connection, CollectionRunEntity run) {
        var client = client(connection);
        var registry = registryHost(connection.getUrl());
        var problems = new ArrayList<RunProblemEntity>();
        int images = 0;
        int done = 0;
        int failed = 0;
        List<String> repositories;
        try {
            repositories = connection.getRepositories().isEmpty() ? client.catalog(maxRepositories) : connection.getRepositories();
        } catch (RegistryException e) {
            return finish(connection, run, RunStatus.FAILED, 0, 1, 0, "catalog not read: " + e.getMessage(), List.of(new RunProblemEntity("/v2/_catalog", e.getMessage())));
        }
        progress(run, connection, 0, repositories.size(), 0);
        for (var repository : repositories) {
            try {
                images += collectRepository(client, registry, repository, problems);
            } catch (RegistryException e) {
                problems.add(new RunProblemEntity(repository, e.getMessage()));
                failed++;
            }
            progress(run, connection, ++done, repositories.size(), images);
        }
        var status = problems.isEmpty() ? RunStatus.COMPLETE : images == 0 && !repositories.isEmpty() ? RunStatus.FAILED : RunStatus.PARTIAL;
        return finish(connection, run, status, repositories.size() - failed, failed, images,
                images + (images == 1 ? " image" : " images") + " in " + repositories.size() + " repositories"
                        + (problems.isEmpty() ? "" : "; " + problems.size() + " problems"), problems);
    }

    private int collectRepository(OciRegistryClient client, String registry, String repository, List<RunProblemEntity> problems) {
        var signed = new HashSet<String>();
        var attested = new HashSet<String>();
        var tagsByDigest = new LinkedHashMap<String, List<String>>();
        var manifests = new LinkedHashMap<String, Manifest>();
        var tags = client.tags(repository);
        int read = 0;
        for (var tag : tags) {
            var cosign = COSIGN_TAG.matcher(tag);
            if (cosign.matches()) {
                (cosign.group(2).equals("sig") ? signed : attested).add("sha256:" + cosign.group(1));
                continue;
            }
            if (read++ >= maxTagsPerRepository) {
                problems.add(new RunProblemEntity(repository, "more than " + maxTagsPerRepository + " tags; the rest were not read"));
                break;
            }
            try {
                var manifest = client.manifest(repository, tag);
                manifests.putIfAbsent(manifest.digest(), manifest);
                tagsByDigest.computeIfAbsent(manifest.digest(), digest -> new ArrayList<>()).add(tag);
            } catch (RegistryException e) {
                problems.add(new RunProblemEntity(repository + ":" + tag, e.getMessage()));
            }
        }
        var now = clock.instant();
        int stored = 0;
        for (var entry : manifests.entrySet()) {
            var digest = entry.getKey();
            try {
                var image = describe(client, repository, entry.getValue());
                var referrers = client.referrerTypes(repository, digest);
                boolean isSigned = signed.contains(digest) || referrers != null && referrers.stream().anyMatch(SIGNATURE_TYPES::contains);
                boolean isAttested = attested.contains(digest) || referrers != null && referrers.stream().anyMatch(ATTESTATION_TYPES::contains);
                catalog.recordRegistryImage(new RegistryImage(registry, repository, digest, tagsByDigest.get(digest),
                        image.os(), image.architecture(), image.created(), image.user(), image.labels(), isSigned, isAttested), now);
                stored++;
            } catch (RegistryException e) {
                problems.add(new RunProblemEntity(repository + "@" + digest, e.getMessage()));
            }
        }
        return stored;
    }

    private record ImageConfig(String os, String architecture, Instant created, String user, Map<String, String> labels) {
    }

    /** The config of an image manifest, or of an index's linux/amd64 image (else its first). */
    private ImageConfig describe(OciRegistryClient client, String repository, Manifest manifest) {
        var body = manifest.body();
        if (body.has("manifests")) {
            JsonNode chosen = null;
            for (var candidate : body.path("manifests")) {
                var platform = candidate.path("platform");
                if (platform.path("os").asString("").equals("unknown")) {
                    continue;
                }
                if (chosen == null || platform.path("os").asString("").equals("linux") && platform.path("architecture").asString("").equals("amd64")) {
                    chosen = candidate;
                }
            }
            if (chosen == null) {
                throw new RegistryException("index " + manifest.digest() + " lists no image");
            }
            body = client.manifest(repository, chosen.path("digest").asString()).body();
        }
        var configDigest = body.path("config").path("digest").asString("");
        if (configDigest.isEmpty()) {
            throw new RegistryException("manifest " + manifest.digest() + " has no config");
        }
        var config = client.blob(repository, configDigest);
        var labels = new TreeMap<String, String>();
        config.path("config").path("Labels").properties().forEach(label -> labels.put(label.getKey(), label.getValue().asString("")));
        Instant created = null;
        try {
            created = config.path("created").isString() ? Instant.parse(config.path("created").asString()) : null;
        } catch (DateTimeParseException e) {
            log.debug("Unreadable creation time in {}", configDigest);
        }
        return new ImageConfig(config.path("os").asString(null), config.path("architecture").asString(null), created,
                config.path("config").path("User").asString(""), labels);
    }

    private RunSummary finish(RegistryConnectionEntity connection, CollectionRunEntity run, RunStatus status, int read, int failed,
                              int images, String message, List<RunProblemEntity> problems) {
        run.finish(null, status, clock.instant(), read, failed, images, 0, message, problems);
        var summary = runs.save(run).toSummary();
        events.publishEvent(new CollectionProgressed(new Progress(run.getId(), "registry " + connection.getName(), read + failed,
                read + failed, images, true)));
        if (status != RunStatus.FAILED) {
            events.publishEvent(new RegistryCollected(connection.getName(), status));
        }
        log.info("Registry {}: {} ({})", connection.getName(), status, message);
        return summary;
    }

    private void progress(CollectionRunEntity run, RegistryConnectionEntity connection, int done, int total, int images) {
        run.progress(done, total, images);
        runs.updateProgress(run.getId(), done, images);
        events.publishEvent(new CollectionProgressed(new Progress(run.getId(), "registry " + connection.getName(), done, total, images, false)));
    }

    private OciRegistryClient client(RegistryConnectionEntity connection) {
        var secret = connection.getCredential() == null ? null : vault.decrypt(connection.getCredential());
        var credentials = switch (connection.getAuthKind()) {
            case ANONYMOUS -> Credentials.ANONYMOUS;
            case BASIC -> new Credentials(connection.getUsername(), secret, null);
            case TOKEN -> new Credentials(null, null, secret);
        };
        return new OciRegistryClient(URI.create(connection.getUrl()), credentials);
    }

    /** How image references name the registry: host[:port], with Docker Hub's API host as docker.io. */
    public static String registryHost(String url) {
        var uri = URI.create(url);
        var host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("'" + url + "' is not a registry URL such as https://registry.example.com");
        }
        if (host.equals("registry-1.docker.io") || host.equals("index.docker.io")) {
            return "docker.io";
        }
        return uri.getPort() < 0 ? host : host + ":" + uri.getPort();
    }
}
