package io.posture;

import io.posture.collect.ExploitFeeds;
import io.posture.collect.ImageScans;
import io.posture.collect.ManifestImporter;
import io.posture.discussion.Discussion;
import io.posture.discussion.Topic;
import io.posture.findings.ExceptionService;
import io.posture.findings.ExceptionViews.ExceptionRequest;
import io.posture.findings.ExceptionViews.Kind;
import io.posture.findings.ExceptionViews.Scope;
import io.posture.findings.FindingService;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.remediation.SlaPolicy;
import io.posture.remediation.TaskService;
import io.posture.remediation.TaskViews.TaskStatus;
import io.posture.security.AuditLog;
import io.posture.security.Role;
import io.posture.security.UserAdministration;
import io.posture.support.MutableClockConfiguration;
import io.posture.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The permission matrix of docs/security.md, one case per (action, role) cell, against the services
 * themselves: the server refuses, whatever the UI shows. Allowed calls use ids that do not exist or
 * input that fails validation, so they pass the access check and change nothing.
 */
@SpringBootTest
@Import(MutableClockConfiguration.class)
class PermissionMatrixTest {

    @Autowired
    ManifestImporter importer;
    @Autowired
    ImageScans scans;
    @Autowired
    ExploitFeeds feeds;
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
    UserAdministration users;
    @Autowired
    AuditLog audit;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    @BeforeEach
    void useThisContextsSecurity() {
        SignedIn.bindTo(securityContexts);
    }

    private static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> TRIAGE = EnumSet.of(Role.ENGINEER, Role.SECURITY_MANAGER);
    private static final Set<Role> MANAGER = EnumSet.of(Role.SECURITY_MANAGER);
    private static final Set<Role> IMPORT = EnumSet.of(Role.SECURITY_MANAGER, Role.ADMIN);
    private static final Set<Role> ADMIN = EnumSet.of(Role.ADMIN);

    private record Action(String name, Set<Role> allowed, Consumer<PermissionMatrixTest> call) {
    }

    private static final List<Action> MATRIX = List.of(
            new Action("read the audit log", EVERYONE, s -> s.audit.search(null, PageRequest.of(0, 1))),
            new Action("read comments", EVERYONE, s -> s.discussion.thread(Topic.finding(-1))),
            new Action("import manifests", IMPORT, s -> s.importer.importUploaded("-", "prod", Map.of())),
            new Action("import a scan report", IMPORT, s -> s.scans.upload("x.json", new byte[0])),
            new Action("import exploit intelligence", IMPORT, s -> s.feeds.upload("x.json", new byte[0])),
            new Action("start work on a finding", TRIAGE, s -> s.findings.startWork(-1, null)),
            new Action("stop work on a finding", TRIAGE, s -> s.findings.stopWork(-1, null)),
            new Action("comment", TRIAGE, s -> s.discussion.post(Topic.task(-1), " ")),
            new Action("create a task from filters", TRIAGE, s -> s.tasks.createFromFilter(
                    new FindingFilter("no-such-cluster", null, null, null, null, null, null, null))),
            new Action("create a task from picked findings", TRIAGE, s -> s.tasks.createFromFindings(List.of(-1L))),
            new Action("start or pause a task", TRIAGE, s -> s.tasks.move(-1, TaskStatus.IN_PROGRESS)),
            new Action("request an exception", TRIAGE, s -> s.exceptions.request(
                    new ExceptionRequest(-1, Kind.RISK_ACCEPTANCE, Scope.FINDING, "n/a", LocalDate.now()))),
            new Action("request exceptions in bulk", TRIAGE, s -> s.exceptions.requestForEach(List.of(), Kind.FALSE_POSITIVE, "n/a", null)),
            new Action("approve an exception", MANAGER, s -> s.exceptions.approve(-1, null)),
            new Action("reject an exception", MANAGER, s -> s.exceptions.reject(-1, null)),
            new Action("assign a task", MANAGER, s -> s.tasks.assign(-1, "erin")),
            new Action("assign findings", MANAGER, s -> s.findings.assign(List.of(-1L), "erin")),
            new Action("set SLAs", MANAGER, s -> s.sla.update(Map.of(), "no change")),
            new Action("list users", ADMIN, s -> s.users.accounts(PageRequest.of(0, 1))),
            new Action("create a user", ADMIN, s -> s.users.create("", null, null, Set.of())),
            new Action("change a user's roles", ADMIN, s -> s.users.changeRoles("no-such-user", Set.of(Role.VIEWER))),
            new Action("disable a user", ADMIN, s -> s.users.setEnabled("no-such-user", false)),
            new Action("unlock a user", ADMIN, s -> s.users.unlock("no-such-user")),
            new Action("set a user's password", ADMIN, s -> s.users.resetPassword("no-such-user", "")));

    static Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(action -> Arrays.stream(Role.values())
                .map(role -> Arguments.of(action.name(), role, action.allowed().contains(role))));
    }

    @ParameterizedTest(name = "{0} as {1}: allowed = {2}")
    @MethodSource("cells")
    void theServerEnforcesEachCellOfThePermissionMatrix(String actionName, Role role, boolean allowed) {
        var action = MATRIX.stream().filter(candidate -> candidate.name().equals(actionName)).findFirst().orElseThrow();
        Runnable call = () -> SignedIn.as("matrix-" + role.name().toLowerCase(), role.name(), () -> action.call().accept(this));
        if (allowed) {
            assertThat(catchThrowable(call::run)).satisfiesAnyOf(
                    thrown -> assertThat(thrown).isNull(),
                    thrown -> assertThat(thrown).isNotInstanceOf(AccessDeniedException.class));
        } else {
            assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
        }
    }
}
