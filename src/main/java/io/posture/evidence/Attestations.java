package io.posture.evidence;

import io.posture.benchmark.BenchmarkCatalog;
import io.posture.evidence.internal.AttestationEntity;
import io.posture.evidence.internal.AttestationRepository;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import io.posture.shared.Sha256;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;

/**
 * Attestations of manual controls: a compliance officer states that a control a person decides
 * holds, for the estate or one cluster, until a date, optionally with a file as proof (PDF, PNG,
 * JPEG or plain text, size-limited, its type read from its content). They appear in exports and
 * stop counting when they expire, like exceptions.
 */
@Service
public class Attestations {

    public record AttestationInfo(long id, String benchmarkId, String controlId, String cluster, String statement, LocalDate validFrom,
                                  LocalDate validUntil, String attestedBy, Instant attestedAt, String attachmentName,
                                  String attachmentType, String attachmentSha256) {
    }

    /** {@code cluster} null: the whole estate. The attachment is optional. */
    public record AttestationForm(String benchmarkId, String controlId, String cluster, String statement, LocalDate validUntil,
                                  String attachmentName, byte[] attachment) {
    }

    private final AttestationRepository attestations;
    private final BenchmarkCatalog catalog;
    private final AuditLog audit;
    private final Clock clock;
    private final long maxAttachmentBytes;

    Attestations(AttestationRepository attestations, BenchmarkCatalog catalog, AuditLog audit, Clock clock,
                 @Value("${posture.evidence.max-attachment-size:5MB}") DataSize maxAttachmentSize) {
        this.attestations = attestations;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
        this.maxAttachmentBytes = maxAttachmentSize.toBytes();
    }

    @PreAuthorize(Roles.CAN_EXPORT)
    @Transactional
    public long attest(AttestationForm form) {
        var benchmark = catalog.get(form.benchmarkId());
        var control = benchmark.control(form.controlId()).orElseThrow(() -> new IllegalArgumentException("No control " + form.controlId()));
        if (!control.manual()) {
            throw new IllegalArgumentException(control.id() + " is decided by Posture, not attested by a person");
        }
        var statement = form.statement() == null ? "" : form.statement().strip();
        if (statement.length() < 10 || statement.length() > 4000) {
            throw new IllegalArgumentException("Say what was checked and how, in 10 to 4,000 characters");
        }
        var today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (form.validUntil() == null || !form.validUntil().isAfter(today) || form.validUntil().isAfter(today.plusYears(3))) {
            throw new IllegalArgumentException("An attestation is valid until a day after today and at most three years ahead");
        }
        var entity = new AttestationEntity(benchmark.id(), control.id(), form.cluster() == null || form.cluster().isBlank() ? null : form.cluster(),
                statement, today, form.validUntil(), AuditLog.currentActor(), clock.instant());
        if (form.attachment() != null) {
            if (form.attachment().length > maxAttachmentBytes) {
                throw new IllegalArgumentException("The attachment is larger than " + maxAttachmentBytes / (1024 * 1024) + " MB");
            }
            var type = typeOf(form.attachment());
            if (type == null) {
                throw new IllegalArgumentException("Attach a PDF, PNG, JPEG or plain text file; this file is none of them");
            }
            var name = (form.attachmentName() == null ? "attachment" : form.attachmentName()).replaceAll(".*[/\\\\]", "")
                    .replaceAll("[^A-Za-z0-9._-]", "_");
            entity.attach(name, type, Sha256.hex(form.attachment()), Base64.getEncoder().encodeToString(form.attachment()));
        }
        var saved = attestations.save(entity);
        audit.record("attestation.recorded", benchmark.id() + " " + control.id() + " " + (saved.toInfo().cluster() == null ? "estate"
                : saved.toInfo().cluster()), null, "valid until " + form.validUntil(), statement.length() > 200 ? statement.substring(0, 200) + "…" : statement);
        return saved.toInfo().id();
    }

    @Transactional(readOnly = true)
    public List<AttestationInfo> of(String benchmarkId, String controlId) {
        return attestations.findByBenchmarkIdAndControlIdOrderByAttestedAtDesc(benchmarkId, controlId).stream().map(AttestationEntity::toInfo).toList();
    }

    /** The attestations valid at a moment (made by then, its day within their validity), with their attachments. */
    @Transactional(readOnly = true)
    List<AttestationEntity> standingAt(String benchmarkId, String cluster, Instant asOf) {
        return attestations.standingAt(benchmarkId, cluster, asOf, LocalDate.ofInstant(asOf, ZoneOffset.UTC));
    }

    /** The type a file's content shows, or null for anything else. */
    static String typeOf(byte[] content) {
        if (startsWith(content, "%PDF-".getBytes(StandardCharsets.US_ASCII))) {
            return "application/pdf";
        }
        if (startsWith(content, new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return "image/png";
        }
        if (startsWith(content, new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff})) {
            return "image/jpeg";
        }
        try {
            var text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t') ? null : "text/plain";
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static boolean startsWith(byte[] content, byte[] prefix) {
        if (content.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
