package io.posture.inventory.internal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/**
 * An image: by digest once one is known, before that by {@code registry/repository:tag}. Config
 * fields come from the registry or from a scan report; labels are JSON.
 */
@Entity
@Table(name = "image")
public class ImageEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String identity;
    private String registry;
    private String repository;
    private String digest;
    private String os;
    private String architecture;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "config_user")
    private String configUser;
    private String labels = "{}";
    private Boolean signed;
    private Boolean attested;
    @Column(name = "last_scanned")
    private Instant lastScanned;
    private String scanner;
    @Column(name = "critical_count")
    private int criticalCount;
    @Column(name = "high_count")
    private int highCount;
    @Column(name = "fixable_count")
    private int fixableCount;
    @Column(name = "fixable_critical_high")
    private int fixableCriticalHigh;
    @Column(name = "in_use")
    private boolean inUse;
    @Column(name = "first_seen")
    private Instant firstSeen;
    @Column(name = "last_seen")
    private Instant lastSeen;
    @ElementCollection
    @CollectionTable(name = "image_tag", joinColumns = @JoinColumn(name = "image_id"))
    @Column(name = "tag")
    private Set<String> tags = new TreeSet<>();

    protected ImageEntity() {
    }

    public ImageEntity(String registry, String repository, String digest, String tag, Instant seenAt) {
        this.registry = registry;
        this.repository = repository;
        this.firstSeen = seenAt;
        this.lastSeen = seenAt;
        identify(digest, tag);
    }

    public static String identity(String registry, String repository, String digest, String tag) {
        return digest != null ? registry + "/" + repository + "@" + digest : registry + "/" + repository + ":" + (tag == null ? "latest" : tag);
    }

    /** Sets the digest (and so the identity) once it becomes known, keeping the tag. */
    public void identify(String digest, String tag) {
        this.digest = digest;
        this.identity = identity(registry, repository, digest, tag);
        if (tag != null) {
            tags.add(tag);
        }
    }

    public void seen(Instant at) {
        lastSeen = at;
    }

    public void configure(String os, String architecture, Instant createdAt, String configUser, String labels) {
        if (os != null) {
            this.os = os;
        }
        if (architecture != null) {
            this.architecture = architecture;
        }
        if (createdAt != null) {
            this.createdAt = createdAt;
        }
        if (configUser != null) {
            this.configUser = configUser;
        }
        if (labels != null && !labels.equals("{}")) {
            this.labels = labels;
        }
    }

    public void signatures(Boolean signed, Boolean attested) {
        this.signed = signed;
        this.attested = attested;
    }

    public void scanned(String scanner, Instant at, int critical, int high, int fixable, int fixableCriticalHigh) {
        this.scanner = scanner;
        this.lastScanned = at;
        this.criticalCount = critical;
        this.highCount = high;
        this.fixableCount = fixable;
        this.fixableCriticalHigh = fixableCriticalHigh;
    }

    public Long getId() {
        return id;
    }

    public String getIdentity() {
        return identity;
    }

    public String getRegistry() {
        return registry;
    }

    public String getRepository() {
        return repository;
    }

    public String getDigest() {
        return digest;
    }

    public String getOs() {
        return os;
    }

    public String getArchitecture() {
        return architecture;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getConfigUser() {
        return configUser;
    }

    public String getLabels() {
        return labels;
    }

    public Boolean getSigned() {
        return signed;
    }

    public Boolean getAttested() {
        return attested;
    }

    public Instant getLastScanned() {
        return lastScanned;
    }

    public String getScanner() {
        return scanner;
    }

    public int getCriticalCount() {
        return criticalCount;
    }

    public int getHighCount() {
        return highCount;
    }

    public int getFixableCount() {
        return fixableCount;
    }

    public int getFixableCriticalHigh() {
        return fixableCriticalHigh;
    }

    public boolean isInUse() {
        return inUse;
    }

    public Instant getLastSeen() {
        return lastSeen;
    }

    public Instant getFirstSeen() {
        return firstSeen;
    }

    public Set<String> getTags() {
        return tags;
    }
}
