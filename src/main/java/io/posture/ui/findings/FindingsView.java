package io.posture.ui.findings;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.benchmark.Severity;
import io.posture.findings.ExceptionService;
import io.posture.findings.FindingService;
import io.posture.remediation.TaskService;
import io.posture.security.Roles;
import io.posture.findings.FindingStatus;
import io.posture.findings.FindingViews.FindingFilter;
import io.posture.findings.FindingViews.FindingSummary;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

@PermitAll
@Route(value = "findings", layout = MainLayout.class)
@PageTitle("Findings · Posture")
class FindingsView extends VerticalLayout implements BeforeEnterObserver {

    private static final String ANY = "ANY";

    private final FindingService findings;
    private final Grid<FindingSummary> grid = new Grid<>();
    private final TextField cluster = filterField("Cluster");
    private final TextField namespace = filterField("Namespace");
    private final TextField team = filterField("Team");
    private final Select<String> benchmark = new Select<>();
    private final TextField control = filterField("Control id");
    private final TextField text = filterField("Search");
    private final Select<String> severity = choice("Severity", Arrays.stream(Severity.values()).map(Enum::name).toList());
    private final Select<String> status = choice("Status", Arrays.stream(FindingStatus.values()).map(Enum::name).toList());
    private FindingFilter filter = FindingFilter.none();
    /** True while the fields are being set from the URL, so that doing so does not navigate again. */
    private boolean syncingFromUrl;

    FindingsView(FindingService findings, TaskService tasks, ExceptionService exceptions, BenchmarkCatalog catalog,
                 AuthenticationContext authentication, Clock clock) {
        this.findings = findings;
        addClassName("page");
        setSizeFull();
        benchmarkChoice(catalog);
        text.setPlaceholder("workload, namespace or control");
        var filters = new HorizontalLayout(cluster, namespace, team, benchmark, control, severity, status, text);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        var header = new PageHeader("Findings", "One per failing control on a workload. A finding resolves itself when a complete run no longer sees it, and reopens when it comes back.");
        if (authentication.hasAnyRole(Roles.ENGINEER, Roles.SECURITY_MANAGER)) {
            var createTask = new Button("Create task from these findings", click -> {
                try {
                    var id = tasks.createFromFilter(filter);
                    Notification.show("Task " + id + " created", 5000, Notification.Position.TOP_CENTER)
                            .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                    Navigation.go(Navigation.tasks());
                } catch (IllegalArgumentException e) {
                    Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE);
                }
            });
            createTask.setTooltipText("One task for the open findings that match the filters (at most 500)");
            header.action(createTask);
        }
        add(header, filters);
        if (authentication.hasAnyRole(Roles.ENGINEER, Roles.SECURITY_MANAGER)) {
            add(new BulkActions(grid, tasks, exceptions, findings, authentication.hasRole(Roles.SECURITY_MANAGER),
                    LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)));
        }
        add(grid);

        grid.addComponentColumn(row -> Formats.severityBadge(row.severity())).setHeader("Severity")
                .setSortProperty("severityRank").setFlexGrow(0).setWidth("8rem");
        grid.addColumn(FindingSummary::controlTitle).setHeader("Control").setSortProperty("controlTitle").setFlexGrow(2);
        grid.addColumn(row -> row.workloadKind() + " " + row.workloadName()).setHeader("Workload").setSortProperty("workloadName").setFlexGrow(2);
        grid.addColumn(row -> row.cluster() + " / " + row.namespace()).setHeader("Cluster / namespace").setSortProperty("clusterName", "namespace").setFlexGrow(2);
        grid.addColumn(row -> row.team() == null ? "—" : row.team()).setHeader("Team").setSortProperty("team");
        grid.addColumn(row -> row.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')).setHeader("Status").setSortProperty("status");
        grid.addColumn(row -> row.assignee() == null ? "—" : row.assignee()).setHeader("Assignee").setSortProperty("assignee");
        grid.addColumn(row -> Formats.time(row.firstSeen())).setHeader("First seen").setSortProperty("firstSeen");
        grid.setItemsPageable(pageable -> findings.search(filter, withDefaultSort(pageable)).getContent());
        grid.addItemClickListener(click -> Navigation.go(Navigation.finding(click.getItem().id())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("clickable");
        grid.setEmptyStateText("No findings match these filters.");

        for (var field : new TextField[]{cluster, namespace, team, control, text}) {
            field.addValueChangeListener(event -> applyFilters());
        }
        benchmark.addValueChangeListener(event -> applyFilters());
        severity.addValueChangeListener(event -> applyFilters());
        status.addValueChangeListener(event -> applyFilters());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filter = Navigation.findingFilterOf(event.getLocation());
        syncingFromUrl = true;
        cluster.setValue(orEmpty(filter.cluster()));
        namespace.setValue(orEmpty(filter.namespace()));
        team.setValue(orEmpty(filter.team()));
        benchmark.setValue(filter.benchmarkId() == null ? ANY : filter.benchmarkId());
        control.setValue(orEmpty(filter.controlId()));
        text.setValue(orEmpty(filter.text()));
        severity.setValue(filter.severity() == null ? ANY : filter.severity().name());
        status.setValue(filter.status() == null ? ANY : filter.status().name());
        syncingFromUrl = false;
        grid.getDataProvider().refreshAll();
    }

    private void applyFilters() {
        if (syncingFromUrl) {
            return;
        }
        var chosen = new FindingFilter(blankToNull(cluster), blankToNull(namespace), blankToNull(team),
                ANY.equals(benchmark.getValue()) ? null : benchmark.getValue(), blankToNull(control),
                ANY.equals(severity.getValue()) || severity.getValue() == null ? null : Severity.valueOf(severity.getValue()),
                ANY.equals(status.getValue()) || status.getValue() == null ? null : FindingStatus.valueOf(status.getValue()),
                blankToNull(text));
        if (!chosen.equals(filter)) {
            Navigation.go(Navigation.findings(chosen));
        }
    }

    /** Every benchmark by its title; a finding's benchmark may since have been disabled, so all are offered. */
    private void benchmarkChoice(BenchmarkCatalog catalog) {
        var titles = new LinkedHashMap<String, String>();
        titles.put(ANY, "any");
        catalog.all().forEach(each -> titles.put(each.id(), each.title()));
        benchmark.setLabel("Benchmark");
        benchmark.setItems(titles.keySet());
        benchmark.setItemLabelGenerator(titles::get);
        benchmark.setWidth("16rem");
    }

    private static Pageable withDefaultSort(Pageable pageable) {
        return pageable.getSort().isSorted() ? pageable : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
                Sort.by(Sort.Order.desc("severityRank"), Sort.Order.asc("clusterName"), Sort.Order.asc("namespace"),
                        Sort.Order.asc("workloadName"), Sort.Order.asc("id")));
    }

    private static TextField filterField(String label) {
        var field = new TextField(label);
        field.setClearButtonVisible(true);
        field.setValueChangeMode(ValueChangeMode.ON_CHANGE);
        field.setWidth("10rem");
        return field;
    }

    private static Select<String> choice(String label, List<String> values) {
        var select = new Select<String>();
        select.setLabel(label);
        var items = new ArrayList<String>();
        items.add(ANY);
        items.addAll(values);
        select.setItems(items);
        select.setItemLabelGenerator(value -> value.toLowerCase(Locale.ROOT).replace('_', ' '));
        select.setWidth("9rem");
        return select;
    }

    private static String blankToNull(TextField field) {
        return field.getValue().isBlank() ? null : field.getValue().trim();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
