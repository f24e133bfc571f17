package io.posture.remediation;

import io.posture.collect.ManifestImporter;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.remediation.TaskViews.TaskStatus;
import io.posture.remediation.TaskViews.TaskSummary;
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
import org.springframework.security.core.context.SecurityContextHolderStrategy;
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
class TaskServiceTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    TaskService tasks;
    @Autowired
    MutableClock clock;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    @Test
    void aTaskGroupsTheFailuresOfAControlInANamespaceAndClosesWhenTheyAreFixed(@TempDir Path folder) {
        var a = write(folder, "a.yaml", deployment("shop", "a", "a:1", "{privileged: true}"));
        var b = write(folder, "b.yaml", deployment("shop", "b", "b:1", "{privileged: true}"));
        importer.importPath("task-1", "prod", folder);

        long id = as("erin", Roles.ENGINEER, () -> tasks.createFromFilter(filter("task-1")));

        var task = find(id, TaskStatus.OPEN);
        assertThat(task.findings()).isEqualTo(2);
        assertThat(task.title()).isEqualTo("Privileged containers in task-1/shop");
        assertThat(task.dueOn()).isEqualTo(today().plusDays(7));
        assertThat(task.description()).contains("How to fix it: Set securityContext.privileged to false")
                .contains("spec.template.spec.containers[name=a].securityContext.privileged = true");

        write(folder, "a.yaml", deployment("shop", "a", "a:1", "{}"));
        importer.importPath("task-1", "prod", a);
        assertThat(find(id, TaskStatus.OPEN)).isNotNull();
        write(folder, "b.yaml", deployment("shop", "b", "b:1", "{}"));
        importer.importPath("task-1", "prod", b);

        assertThat(find(id, TaskStatus.DONE).closedAt()).isNotNull();
    }

    @Test
    void rolesAreCheckedAndTasksAreNotClosedByHand(@TempDir Path folder) {
        importer.importPath("task-2", "prod", write(folder, "a.yaml", deployment("shop", "a", "a:1", "{privileged: true}")));

        assertThatThrownBy(() -> as("val", Roles.VIEWER, () -> tasks.createFromFilter(filter("task-2"))))
                .isInstanceOf(AccessDeniedException.class);
        long id = as("erin", Roles.ENGINEER, () -> tasks.createFromFilter(filter("task-2")));
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> tasks.assign(id, "erin"))).isInstanceOf(AccessDeniedException.class);
        as("mike", Roles.SECURITY_MANAGER, () -> tasks.assign(id, "erin"));
        as("erin", Roles.ENGINEER, () -> tasks.move(id, TaskStatus.IN_PROGRESS));
        assertThat(find(id, TaskStatus.IN_PROGRESS).assignee()).isEqualTo("erin");
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> tasks.move(id, TaskStatus.DONE))).hasMessageContaining("not by hand");
        assertThatThrownBy(() -> as("erin", Roles.ENGINEER, () -> tasks.createFromFilter(
                new FindingFilter("task-2", "nowhere", null, null, null, null, null, null)))).hasMessageContaining("No open findings");
    }

    @Test
    void aTaskPastItsSlaIsOverdue(@TempDir Path folder) {
        importer.importPath("task-3", "prod", write(folder, "a.yaml", deployment("shop", "a", "a:1", "{privileged: true}")));
        long before = tasks.overdueCount();
        long id = as("erin", Roles.ENGINEER, () -> tasks.createFromFilter(filter("task-3")));
        assertThat(find(id, TaskStatus.OPEN).overdue()).isFalse();

        clock.advance(Duration.ofDays(8));

        assertThat(find(id, TaskStatus.OPEN).overdue()).isTrue();
        assertThat(tasks.overdueCount()).isEqualTo(before + 1);
    }

    private static FindingFilter filter(String cluster) {
        return new FindingFilter(cluster, "shop", null, null, "privileged", null, null, null);
    }

    private TaskSummary find(long id, TaskStatus status) {
        return tasks.byStatus(status).stream().filter(task -> task.id() == id).findFirst().orElseThrow();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

}
