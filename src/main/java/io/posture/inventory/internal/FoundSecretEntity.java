package io.posture.inventory.internal;

import io.posture.inventory.ImageViews.FoundSecret;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A secret found in an image or a scanned artifact: where, by which rule; the matched text is never kept. */
@Entity
@Table(name = "found_secret")
public class FoundSecretEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "image_id")
    private Long imageId;
    @Column(name = "artifact_id")
    private Long artifactId;
    @Column(name = "rule_id")
    private String ruleId;
    private String category;
    private String severity;
    private String title;
    private String target;
    @Column(name = "start_line")
    private Integer startLine;
    @Column(name = "end_line")
    private Integer endLine;

    protected FoundSecretEntity() {
    }

    private FoundSecretEntity(Long imageId, Long artifactId, FoundSecret found) {
        this.imageId = imageId;
        this.artifactId = artifactId;
        this.ruleId = found.ruleId();
        this.category = found.category();
        this.severity = found.severity();
        this.title = found.title();
        this.target = found.target();
        this.startLine = found.startLine();
        this.endLine = found.endLine();
    }

    public static FoundSecretEntity inImage(long imageId, FoundSecret found) {
        return new FoundSecretEntity(imageId, null, found);
    }

    public static FoundSecretEntity inArtifact(long artifactId, FoundSecret found) {
        return new FoundSecretEntity(null, artifactId, found);
    }

    public FoundSecret toView() {
        return new FoundSecret(ruleId, category, severity, title, target, startLine, endLine);
    }
}
