package io.posture.ui.hosts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.collect.HostReportViews.Tool;
import io.posture.collect.HostReports;
import io.posture.inventory.HostType;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.inventory.InventoryViews.HostInfo;
import io.posture.security.Role;
import io.posture.ui.Formats;
import io.posture.ui.JsonReportUpload;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.function.Function;
import java.util.stream.Collectors;

/** Every node and Docker host, and the upload of their kube-bench and docker-bench reports. */
@PermitAll
@Route(value = "hosts", layout = MainLayout.class)
@PageTitle("Hosts · Posture")
class HostsView extends VerticalLayout {

    HostsView(InventoryQueries inventory, HostReports reports, AuthenticationContext authentication) {
        setSizeFull();
        add(new PageHeader("Hosts", "Cluster nodes (CIS Kubernetes sections 1–4 from kube-bench) and Docker hosts "
                + "(CIS Docker from docker-bench)"));
        var clusters = inventory.clusters().stream().collect(Collectors.toMap(ClusterInfo::id, Function.identity()));
        var grid = new Grid<HostInfo>();
        grid.addColumn(HostInfo::name).setHeader("Host").setFlexGrow(2);
        grid.addColumn(host -> host.type() == HostType.NODE ? "node" : "Docker host").setHeader("Type");
        grid.addColumn(host -> host.clusterId() == null ? "—" : clusters.get(host.clusterId()).name()).setHeader("Cluster");
        grid.addColumn(host -> host.kubeletVersion() == null ? "—" : host.kubeletVersion()).setHeader("Kubelet");
        grid.addColumn(host -> host.osImage() == null ? "—" : host.osImage()).setHeader("OS").setFlexGrow(2);
        grid.addColumn(host -> Formats.time(host.lastSeen())).setHeader("Last seen");
        grid.setItemsPageable(pageable -> inventory.allHosts(pageable).getContent());
        grid.addItemClickListener(click -> Navigation.go(Navigation.host(click.getItem().id())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassNames("clickable", "hosts");
        grid.setEmptyStateText("No hosts yet: collect a live cluster, or upload a kube-bench or docker-bench report below.");
        add(grid);
        if (authentication.hasRole(Role.ADMIN.name()) || authentication.hasRole(Role.SECURITY_MANAGER.name())) {
            add(uploadForm(inventory, reports, grid));
        }
    }

    private static VerticalLayout uploadForm(InventoryQueries inventory, HostReports reports, Grid<HostInfo> grid) {
        var tool = new Select<Tool>();
        tool.setLabel("Report");
        tool.setItems(Tool.values());
        tool.setItemLabelGenerator(Tool::label);
        tool.setValue(Tool.KUBE_BENCH);
        var cluster = new Select<String>();
        cluster.setLabel("Cluster (kube-bench)");
        cluster.setItems(inventory.clusters().stream().map(ClusterInfo::name).toList());
        var host = new TextField("Node or host name");
        host.setPlaceholder("from the file name if empty");
        tool.addValueChangeListener(change -> cluster.setEnabled(change.getValue() == Tool.KUBE_BENCH));
        var report = new JsonReportUpload("kube-bench --json output, or docker-bench-security's .json log", "Upload report",
                reports.maxFileBytes(), (fileName, content) -> {
            var stored = reports.upload(tool.getValue(), tool.getValue() == Tool.KUBE_BENCH ? cluster.getValue() : null,
                    host.getValue(), fileName, content);
            return stored.checks() + " checks from " + stored.fileName() + " recorded for " + stored.hostName();
        }, () -> grid.getDataProvider().refreshAll());
        var fields = new HorizontalLayout(tool, cluster, host, report.button());
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        var form = new VerticalLayout(new H3("Upload a report"), fields, report.upload());
        form.setPadding(false);
        form.addClassName("host-report-upload");
        return form;
    }
}
