package io.posture.ui.connections;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.ui.Notices;
import io.posture.collect.ClusterConnections;
import io.posture.collect.ConnectionViews.ConnectionCheck;
import io.posture.collect.ConnectionViews.ConnectionForm;
import io.posture.collect.ConnectionViews.ConnectionKind;
import io.posture.collect.ConnectionViews.ConnectionSummary;
import io.posture.collect.ConnectionViews.Progress;
import io.posture.security.Roles;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.PageHeader;
import io.posture.ui.ProgressBroadcaster;
import jakarta.annotation.security.PermitAll;

import java.util.HashMap;
import java.util.Map;

@PermitAll
@Route(value = "connections", layout = MainLayout.class)
@PageTitle("Clusters · Posture")
class ConnectionsView extends VerticalLayout {

    private final ClusterConnections connections;
    private final ProgressBroadcaster broadcaster;
    private final Grid<ConnectionSummary> grid = new Grid<>();
    private final Div progress = new Div();
    private final Map<String, Progress> running = new HashMap<>();
    private Runnable unregister;

    ConnectionsView(ClusterConnections connections, ProgressBroadcaster broadcaster, AuthenticationContext authentication) {
        this.connections = connections;
        this.broadcaster = broadcaster;
        addClassName("page");
        add(new PageHeader("Live clusters", "Clusters read through their API, read-only, on a schedule and on demand. "
                + "A run that could not read every kind is PARTIAL: it adds and updates, but removes and resolves nothing."));
        var mayCollect = authentication.hasAnyRole(Roles.ADMIN, Roles.SECURITY_MANAGER);
        var isAdmin = authentication.hasRole(Roles.ADMIN);
        grid.addColumn(ConnectionSummary::clusterName).setHeader("Cluster");
        grid.addColumn(ConnectionSummary::environment).setHeader("Environment");
        grid.addColumn(connection -> switch (connection.kind()) {
            case TOKEN -> connection.serverUrl();
            case KUBECONFIG -> "kubeconfig" + (connection.contextName() == null ? "" : ", context " + connection.contextName());
            case IN_CLUSTER -> "in-cluster service account";
        }).setHeader("Reached through").setFlexGrow(2);
        grid.addColumn(ConnectionSummary::schedule).setHeader("Schedule (cron, UTC)");
        grid.addColumn(connection -> Formats.time(connection.updatedAt())).setHeader("Changed");
        grid.addComponentColumn(connection -> actions(connection, mayCollect, isAdmin)).setHeader("").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No live clusters yet." + (isAdmin ? " Add one below." : " An administrator adds them."));
        progress.addClassName("collection-progress");
        add(progress, grid);
        if (isAdmin) {
            add(new H2("Add or change a cluster"));
            if (!connections.credentialsCanBeStored()) {
                var missing = new Paragraph("Tokens and kubeconfigs cannot be saved yet: Posture encrypts them with the key in "
                        + "POSTURE_CREDENTIALS_KEY, which is not set. Set it to 32 random bytes in Base64 (openssl rand -base64 32) "
                        + "and restart; keep it with your backups, since saved credentials cannot be read without it. "
                        + "Test connection works without it, and an in-cluster connection needs none.");
                missing.addClassName("setup-missing");
                add(missing);
            }
            add(form());
        }
        refresh();
    }

    private HorizontalLayout actions(ConnectionSummary connection, boolean mayCollect, boolean isAdmin) {
        var actions = new HorizontalLayout();
        if (mayCollect) {
            var collect = new Button("Collect now", click -> act(() -> connections.collectNow(connection.id()),
                    "Collection of " + connection.clusterName() + " started"));
            collect.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            actions.add(collect);
        }
        if (isAdmin) {
            var test = new Button("Test connection", click -> showCheck(connections.check(connection.id())));
            var delete = new Button("Delete", click -> act(() -> connections.delete(connection.id()),
                    connection.clusterName() + " no longer collected; its inventory stays"));
            test.addThemeVariants(ButtonVariant.LUMO_SMALL);
            delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            actions.add(test, delete);
        }
        return actions;
    }

    private VerticalLayout form() {
        var cluster = new TextField("Cluster name");
        var environment = new TextField("Environment");
        environment.setValue("prod");
        var kind = new Select<ConnectionKind>();
        kind.setLabel("Reached through");
        kind.setItems(ConnectionKind.values());
        kind.setItemLabelGenerator(value -> switch (value) {
            case TOKEN -> "API server URL and token";
            case KUBECONFIG -> "kubeconfig";
            case IN_CLUSTER -> "in-cluster service account";
        });
        kind.setValue(ConnectionKind.TOKEN);
        var server = new TextField("API server URL");
        server.setPlaceholder("https://k8s.example.com:6443");
        server.setWidth("24rem");
        var token = new PasswordField("Bearer token");
        token.setHelperText("Encrypted when saved and never shown again; leave blank to keep the stored one");
        var ca = new TextArea("CA certificate (PEM)");
        ca.setWidth("40rem");
        var kubeconfig = new TextArea("kubeconfig");
        kubeconfig.setWidth("40rem");
        kubeconfig.setHelperText("Encrypted when saved and never shown again");
        var context = new TextField("Context");
        context.setPlaceholder("current context");
        var schedule = new TextField("Schedule (cron, UTC)");
        schedule.setValue(ClusterConnections.HOURLY);
        schedule.setHelperText("second minute hour day month weekday; hourly by default");
        Runnable showFields = () -> {
            var chosen = kind.getValue();
            server.setVisible(chosen == ConnectionKind.TOKEN);
            token.setVisible(chosen == ConnectionKind.TOKEN);
            ca.setVisible(chosen == ConnectionKind.TOKEN);
            kubeconfig.setVisible(chosen == ConnectionKind.KUBECONFIG);
            context.setVisible(chosen == ConnectionKind.KUBECONFIG);
        };
        kind.addValueChangeListener(change -> showFields.run());
        showFields.run();
        java.util.function.Supplier<ConnectionForm> typed = () -> new ConnectionForm(cluster.getValue().trim(), environment.getValue(),
                kind.getValue(), server.getValue(), context.getValue(),
                kind.getValue() == ConnectionKind.KUBECONFIG ? kubeconfig.getValue() : token.getValue(), ca.getValue(), schedule.getValue());
        var save = new Button("Save cluster", click -> act(() -> {
            connections.save(typed.get());
            token.clear();
            kubeconfig.clear();
        }, "Cluster " + cluster.getValue() + " saved"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var test = new Button("Test connection", click -> showCheck(connections.check(typed.get())));
        test.setTooltipText("Connects with what the form says and lists one object of each kind; saves nothing");
        var first = new HorizontalLayout(cluster, environment, kind, schedule);
        first.setWrap(true);
        var second = new HorizontalLayout(server, token, context);
        second.setWrap(true);
        second.setAlignItems(FlexComponent.Alignment.BASELINE);
        var form = new VerticalLayout(first, second, ca, kubeconfig, new HorizontalLayout(save, test));
        form.setPadding(false);
        return form;
    }

    private static void showCheck(ConnectionCheck check) {
        var text = check.error() != null ? "Could not connect: " + check.error()
                : "Kubernetes " + check.serverVersion() + "; readable: " + String.join(", ", check.readable())
                + (check.notReadable().isEmpty() ? "" : "; not readable: " + String.join(", ", check.notReadable()));
        Notification.show(text, 10000, Notification.Position.MIDDLE).addThemeVariants(
                check.error() == null && check.notReadable().isEmpty() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
    }

    private void act(Runnable action, String success) {
        if (Notices.attempt(action)) {
            Notices.success(success);
            refresh();
        }
    }

    private void refresh() {
        grid.setItems(connections.list());
        running.clear();
        connections.running().forEach(run -> running.put(run.clusterName(), run));
        showProgress();
    }

    private void showProgress() {
        progress.removeAll();
        running.values().forEach(run -> {
            var bar = new ProgressBar(0, Math.max(1, run.kindsTotal()), run.kindsDone());
            var label = new Span(run.clusterName() + ": " + run.kindsDone() + " of " + run.kindsTotal() + " kinds, "
                    + Formats.count(run.objectsRead()) + " objects read");
            var line = new Div(label, bar);
            line.addClassName("run-progress");
            progress.add(line);
        });
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        var ui = attachEvent.getUI();
        unregister = broadcaster.register(update -> ui.access(() -> {
            if (update.finished()) {
                running.remove(update.clusterName());
                Notification.show("Collection of " + update.clusterName() + " finished: see Collection runs", 5000,
                        Notification.Position.BOTTOM_END);
            } else {
                running.put(update.clusterName(), update);
            }
            showProgress();
        }));
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (unregister != null) {
            unregister.run();
        }
    }
}
