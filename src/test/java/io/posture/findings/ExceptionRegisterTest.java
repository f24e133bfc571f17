package io.posture.findings;

import io.posture.collect.ManifestImporter;
import io.posture.findings.ExceptionViews.ExceptionRequest;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.Scope;
import io.posture.findings.ExceptionViews.State;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.WorkloadKind;
import io.posture.benchmark.ControlStatus;
import io.posture.scoring.ScoreQueries;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import io.posture.support.MutableClock;
import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SpringBootTest
@Import(MutableClockConfiguration.class)
class ExceptionRegisterTest {

    private static final String JUSTIFICATION = "Node agent needs host access; isolated node pool, reviewed by platform team";

    @Autowired
    ManifestImporter importer;
    @Autowired
    FindingService findings;
    @Autowired
    ExceptionService exceptions;
    @Autowired
    ScoreQueries scores;
    @Autowired
    InventoryQueries inventory;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEngineerRequestsAManagerApprovesTheFindingIsAcceptedAndTheScoreShowsIt(@TempDir Path folder) {
        importer.importPath("ex-1", "prod", write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}")));
        var finding = privileged("ex-1");
        var scoreBefore = clusterScore("ex-1");

        long id = as("erin", Roles.ENGINEER, () -> exceptions.request(request(finding.id(), Scope.FINDING, 30)));
        assertThat(exceptions.list(State.PENDING)).anySatisfy(pending -> assertThat(pending.id()).isEqualTo(id));
        as("mike", Roles.SECURITY_MANAGER, () -> exceptions.approve(id, "accepted for one month"));

        assertThat(privileged("ex-1").status()).isEqualTo(FindingStatus.RISK_ACCEPTED);
        var api = inventory.workload("ex-1", "shop", WorkloadKind.Deployment, "api").orElseThrow();
        assertThat(scores.workloadResults(api.clusterId(), api.id(), "pss-baseline")).filteredOn(r -> r.controlId().equals("privileged"))
                .singleElement().satisfies(result -> assertThat(result.status()).isEqualTo(ControlStatus.EXCEPTED));
        var scoreAfter = clusterScore("ex-1");
        assertThat(scoreAfter.failed()).isEqualTo(scoreBefore.failed() - 1);
        assertThat(scoreAfter.coverage()).isEqualTo(100.0);
        var actions = as("mike", Roles.SECURITY_MANAGER, () -> audit.search("exception " + id, PageRequest.of(0, 10, Sort.by("id")))
                .getContent().stream().map(event -> event.actor() + ":" + event.action()).toList());
        assertThat(actions).containsExactly("erin:EXCEPTION_REQUESTED", "mike:EXCEPTION_APPROVED");
    }

    @Test
    void fourEyesRolesAndValidationAreEnforcedByTheServer(@TempDir Path folder) {
        importer.importPath("ex-2", "prod", write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}")));
        var finding = privileged("ex-2");

        assertThatThrownBy(() -> as("val", Roles.VIEWER, () -> exceptions.request(request(finding.id(), Scope.FINDING, 30))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> exceptions.request(
                new ExceptionRequest(finding.id(), Kind.RISK_ACCEPTANCE, Scope.FINDING, "because", today().plusDays(5)))))
                .hasMessageContaining("justification");
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> exceptions.request(request(finding.id(), Scope.FINDING, 0))))
                .hasMessageContaining("expiry");
        long id = as("mike", Roles.SECURITY_MANAGER, () -> exceptions.request(request(finding.id(), Scope.FINDING, 30)));
        assertThatThrownBy(() -> as("mike", Roles.SECURITY_MANAGER, () -> exceptions.approve(id, null))).hasMessageContaining("Four eyes");
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> exceptions.approve(id, null))).isInstanceOf(AccessDeniedException.class);
        assertThat(privileged("ex-2").status()).isEqualTo(FindingStatus.OPEN);
    }

    @Test
    void aNamespaceScopeCoversLaterFindingsAndExpiryReopensThem(@TempDir Path folder) {
        importer.importPath("ex-3", "prod", write(folder, "a.yaml", deployment("shop", "a", "a:1", "{privileged: true}")));
        long id = as("erin", Roles.ENGINEER, () -> exceptions.request(request(privileged("ex-3").id(), Scope.CONTROL_IN_NAMESPACE, 2)));
        as("mike", Roles.SECURITY_MANAGER, () -> exceptions.approve(id, null));

        importer.importPath("ex-3", "prod", write(folder, "b.yaml", deployment("shop", "b", "b:1", "{privileged: true}")));
        var later = findings.search(new FindingFilter("ex-3", "shop", null, null, "privileged", null, null, "b"), PageRequest.of(0, 5))
                .getContent().getFirst();
        assertThat(later.status()).isEqualTo(FindingStatus.RISK_ACCEPTED);
        var b = inventory.workload("ex-3", "shop", WorkloadKind.Deployment, "b").orElseThrow();
        assertThat(scores.workloadResults(b.clusterId(), b.id(), "pss-baseline")).filteredOn(r -> r.controlId().equals("privileged"))
                .singleElement().satisfies(result -> assertThat(result.status()).isEqualTo(ControlStatus.EXCEPTED));
        assertThat(exceptions.expiringWithin(14)).anySatisfy(exception -> assertThat(exception.id()).isEqualTo(id));

        clock.advance(Duration.ofDays(3));
        assertThat(exceptions.expireDue()).isEqualTo(1);

        assertThat(findings.search(new FindingFilter("ex-3", "shop", null, null, "privileged", null, FindingStatus.OPEN, null),
                PageRequest.of(0, 5)).getTotalElements()).isEqualTo(2);
        assertThat(scores.workloadResults(b.clusterId(), b.id(), "pss-baseline")).filteredOn(r -> r.controlId().equals("privileged"))
                .singleElement().satisfies(result -> assertThat(result.status()).isEqualTo(ControlStatus.FAIL));
        assertThat(exceptions.list(State.EXPIRED)).anySatisfy(exception -> assertThat(exception.id()).isEqualTo(id));
    }

    @Test
    void anExceptionWhoseFindingWasFixedIsListedAsStale(@TempDir Path folder) {
        var file = write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: true}"));
        importer.importPath("ex-4", "prod", file);
        long id = as("erin", Roles.ENGINEER, () -> exceptions.request(request(privileged("ex-4").id(), Scope.FINDING, 30)));
        as("mike", Roles.SECURITY_MANAGER, () -> exceptions.approve(id, null));

        write(folder, "api.yaml", deployment("shop", "api", "a:1", "{privileged: false}"));
        importer.importPath("ex-4", "prod", file);

        assertThat(privileged("ex-4").status()).isEqualTo(FindingStatus.RESOLVED);
        assertThat(exceptions.stale()).anySatisfy(exception -> assertThat(exception.id()).isEqualTo(id));
    }

    private ExceptionRequest request(long findingId, Scope scope, int days) {
        return new ExceptionRequest(findingId, Kind.RISK_ACCEPTANCE, scope, JUSTIFICATION, today().plusDays(days));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private FindingSummary privileged(String cluster) {
        return findings.search(new FindingFilter(cluster, "shop", null, null, "privileged", null, null, null), PageRequest.of(0, 10))
                .getContent().getFirst();
    }

    private io.posture.scoring.ScoreViews.ClusterScore clusterScore(String cluster) {
        var id = inventory.cluster(cluster).orElseThrow().id();
        return scores.clusterScores("pss-baseline").stream().filter(score -> score.clusterId() == id).findFirst().orElseThrow();
    }

}
