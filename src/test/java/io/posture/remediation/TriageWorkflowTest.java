package io.posture.remediation;

import io.posture.benchmark.Severity;
import io.posture.collect.ManifestImporter;
import io.posture.discussion.Discussion;
import io.posture.discussion.Topic;
import io.posture.findings.ExceptionService;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.State;
import io.posture.findings.FindingService;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.security.AuditLog;
import io.posture.security.Roles;
import io.posture.support.MutableClock;
import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static io.posture.support.Manifests.deployment;
import static io.posture.support.Manifests.write;
import static io.posture.support.SignedIn.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk actions on picked findings, comments and SLA settings, as the findings browser and task page use them. */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class TriageWorkflowTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    FindingService findings;
    @Autowired
    TaskService tasks;
    @Autowired
    ExceptionService exceptions;
    @Autowired
    Discussion discussion;
    @Autowired
    SlaPolicy sla;
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

    @Test
    void aTaskFromPickedFindingsLeavesOutClosedOnesAndIsDueByTheSlaAManagerSet(@TempDir Path folder) {
        importer.importPath("bulk-1", "prod", write(folder, "a.yaml",
                deployment("shop", "a", "a:1", "{privileged: true}") + "---\n" + deployment("shop", "b", "b:1", "{privileged: true}")
                        + "---\n" + deployment("shop", "c", "c:1", "{privileged: true}")));
        var picked = open("bulk-1");
        assertThat(picked).hasSize(3);
        var requested = as("erin", Roles.ENGINEER, () -> exceptions.requestForEach(List.of(picked.get(2).id()), Kind.FALSE_POSITIVE,
                "The image runs a node exporter that needs it", today().plusDays(30)));
        as("mike", Roles.SECURITY_MANAGER, () -> exceptions.approve(requested.getFirst(), null));
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> sla.update(Map.of(Severity.CRITICAL, 3), null)))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> as("mike", Roles.SECURITY_MANAGER, () -> sla.update(Map.of(Severity.CRITICAL, 0), null)))
                .hasMessageContaining("between 1 and");

        as("mike", Roles.SECURITY_MANAGER, () -> sla.update(Map.of(Severity.CRITICAL, 3), "board decision"));
        try {
            long id = as("erin", Roles.ENGINEER, () -> tasks.createFromFindings(picked.stream().map(FindingSummary::id).toList()));

            var task = tasks.detail(id).orElseThrow();
            assertThat(task.findings()).extracting(FindingSummary::workloadName).containsExactlyInAnyOrder("a", "b");
            assertThat(task.summary().dueOn()).isEqualTo(today().plusDays(3));
            assertThat(sla.all()).containsEntry(Severity.CRITICAL, 3).containsEntry(Severity.HIGH, 30);
            assertThat(latest("SLA_CHANGED")).satisfies(event -> {
                assertThat(event.from()).isEqualTo("7 days");
                assertThat(event.to()).isEqualTo("3 days");
                assertThat(event.reason()).isEqualTo("board decision");
                assertThat(event.actor()).isEqualTo("mike");
            });
        } finally {
            as("mike", Roles.SECURITY_MANAGER, () -> sla.update(Map.of(Severity.CRITICAL, 7), "back to the default"));
        }
    }

    @Test
    void aManagerAssignsPickedFindingsAndEachChangeIsAudited(@TempDir Path folder) {
        importer.importPath("bulk-2", "prod", write(folder, "a.yaml",
                deployment("shop", "a", "a:1", "{privileged: true}") + "---\n" + deployment("shop", "b", "b:1", "{privileged: true}")));
        var ids = open("bulk-2").stream().map(FindingSummary::id).toList();

        int changed = as("mike", Roles.SECURITY_MANAGER, () -> findings.assign(ids, "erin"));
        int again = as("mike", Roles.SECURITY_MANAGER, () -> findings.assign(ids, "erin"));

        assertThat(changed).isEqualTo(2);
        assertThat(again).isZero();
        assertThat(open("bulk-2")).extracting(FindingSummary::assignee).containsOnly("erin");
        assertThat(latest("FINDING_ASSIGNED")).satisfies(event -> {
            assertThat(event.to()).isEqualTo("erin");
            assertThat(event.from()).isNull();
            assertThat(event.subject()).contains("bulk-2/shop/");
        });
    }

    @Test
    void exceptionsRequestedForPickedFindingsAreAllOrNothing(@TempDir Path folder) {
        importer.importPath("bulk-3", "prod", write(folder, "a.yaml",
                deployment("shop", "a", "a:1", "{privileged: true}") + "---\n" + deployment("shop", "b", "b:1", "{privileged: true}")));
        var ids = open("bulk-3").stream().map(FindingSummary::id).toList();
        long pendingBefore = exceptions.list(State.PENDING).size();

        as("erin", Roles.ENGINEER, () -> findings.startWork(ids.getFirst(), null));
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> exceptions.requestForEach(List.of(ids.get(1), -42L),
                Kind.RISK_ACCEPTANCE, "Test cluster, torn down at the end of the quarter", today().plusDays(60))))
                .hasMessageContaining("no finding -42");
        assertThat(exceptions.list(State.PENDING)).hasSize((int) pendingBefore);

        var requested = as("erin", Roles.ENGINEER, () -> exceptions.requestForEach(ids, Kind.RISK_ACCEPTANCE,
                "Test cluster, torn down at the end of the quarter", today().plusDays(60)));

        assertThat(requested).hasSize(2);
        assertThat(exceptions.list(State.PENDING)).hasSize((int) pendingBefore + 2)
                .allSatisfy(exception -> assertThat(exception.requestedBy()).isEqualTo("erin"));
    }

    @Test
    void commentsAreKeptInOrderAuditedAndValidated() {
        var topic = Topic.task(987_654);
        as("erin", Roles.ENGINEER, () -> discussion.post(topic, "  Patched the chart, waiting for the next run.  "));
        as("mike", Roles.SECURITY_MANAGER, () -> discussion.post(topic, "Thanks. Ping me if the run still flags it."));

        var thread = as("val", Roles.VIEWER, () -> discussion.thread(topic));

        assertThat(thread).extracting(Discussion.Comment::author).containsExactly("erin", "mike");
        assertThat(thread.getFirst().body()).isEqualTo("Patched the chart, waiting for the next run.");
        assertThat(latest("COMMENT_ADDED").subject()).isEqualTo("task 987654");
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> discussion.post(topic, "   "))).hasMessageContaining("empty");
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> discussion.post(topic, "x".repeat(Discussion.MAX_LENGTH + 1))))
                .hasMessageContaining("at most " + Discussion.MAX_LENGTH);
        assertThat(as("val", Roles.VIEWER, () -> discussion.thread(topic))).hasSize(2);
        assertThat(as("val", Roles.VIEWER, () -> discussion.thread(Topic.finding(987_654)))).isEmpty();
    }

    private List<FindingSummary> open(String cluster) {
        return findings.search(new FindingFilter(cluster, null, null, null, "privileged", null, FindingStatus.OPEN, null),
                PageRequest.of(0, 50, Sort.by("workloadName"))).getContent();
    }

    private AuditLog.AuditEvent latest(String action) {
        return as("val", Roles.VIEWER, () -> audit.search(action, PageRequest.of(0, 50, Sort.by("id").descending())).getContent())
                .stream().filter(event -> event.action().equals(action)).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
