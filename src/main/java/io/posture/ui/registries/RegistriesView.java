package io.posture.ui.registries;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.collect.RegistryConnections;
import io.posture.collect.RegistryViews.AuthKind;
import io.posture.collect.RegistryViews.RegistryForm;
import io.posture.collect.RegistryViews.RegistrySummary;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews;
import io.posture.inventory.ImageViews.RepositorySummary;
import io.posture.inventory.ImageViews.TagRow;
import io.posture.security.Role;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.Notices;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.util.Arrays;
import java.util.List;

/**
 * Registries → repositories → tags, from every image Posture knows; and the registries Posture
 * collects from over the OCI API (administrators add them, security managers collect now).
 */
@PermitAll
@Route(value = "registries", layout = MainLayout.class)
@PageTitle("Registries · Posture")
class RegistriesView extends VerticalLayout implements BeforeEnterObserver {

    private final ImageCatalog catalog;
    private final RegistryConnections connections;
    private final AuthenticationContext authentication;

    RegistriesView(ImageCatalog catalog, RegistryConnections connections, AuthenticationContext authentication) {
        this.catalog = catalog;
        this.connections = connections;
        this.authentication = authentication;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        var parameters = event.getLocation().getQueryParameters();
        var registry = parameters.getSingleParameter("registry").orElse(null);
        var repository = parameters.getSingleParameter("repository").orElse(null);
        if (registry == null) {
            registries();
        } else if (repository == null) {
            repositories(registry);
        } else {
            tags(registry, repository);
        }
    }

    private void registries() {
        add(new PageHeader("Registries", "Where the images come from: every registry named by a workload, a scan or a collection"));
        var grid = new Grid<ImageViews.RegistrySummary>();
        grid.addColumn(ImageViews.RegistrySummary::registry).setHeader("Registry").setFlexGrow(3);
        grid.addColumn(registry -> Formats.count(registry.repositories())).setHeader("Repositories");
        grid.addColumn(registry -> Formats.count(registry.images())).setHeader("Images");
        grid.addColumn(registry -> Formats.count(registry.imagesInUse())).setHeader("Running");
        grid.setItems(catalog.registries());
        grid.addItemClickListener(click -> Navigation.go(Navigation.registries(click.getItem().registry(), null)));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassNames("clickable", "registries");
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No images known yet.");
        add(grid, new H3("Collected registries"), connectionsGrid());
        if (authentication.hasRole(Role.ADMIN.name())) {
            add(connectionForm());
        }
    }

    private Grid<RegistrySummary> connectionsGrid() {
        var grid = new Grid<RegistrySummary>();
        grid.addColumn(RegistrySummary::name).setHeader("Name");
        grid.addColumn(RegistrySummary::url).setHeader("URL").setFlexGrow(2);
        grid.addColumn(connection -> connection.authKind() + (connection.username() == null ? "" : " as " + connection.username())
                + (connection.credentialSet() ? " (credential stored encrypted)" : "")).setHeader("Authentication").setFlexGrow(2);
        grid.addColumn(connection -> connection.repositories().isEmpty() ? "whole catalog" : String.join(", ", connection.repositories()))
                .setHeader("Repositories").setFlexGrow(2);
        boolean canCollect = authentication.hasRole(Role.ADMIN.name()) || authentication.hasRole(Role.SECURITY_MANAGER.name());
        if (canCollect) {
            grid.addComponentColumn(connection -> {
                var collect = new Button("Collect now", click -> Notices.attempt(() -> {
                    long run = connections.collectInBackground(connection.id());
                    Notices.success("Collecting " + connection.name() + " (run " + run + "); see Collection runs");
                }));
                collect.addThemeVariants(ButtonVariant.LUMO_SMALL);
                return collect;
            }).setHeader("");
        }
        if (authentication.hasRole(Role.ADMIN.name())) {
            grid.addComponentColumn(connection -> {
                var check = new Button("Check", click -> Notices.success(connections.check(connection.id())));
                check.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                return check;
            }).setHeader("");
        }
        grid.setItems(connections.list());
        grid.setAllRowsVisible(true);
        grid.addClassName("registry-connections");
        grid.setEmptyStateText("No registry is collected yet" + (authentication.hasRole(Role.ADMIN.name())
                ? ": add one below." : ": an administrator adds them here."));
        return grid;
    }

    private VerticalLayout connectionForm() {
        var name = new TextField("Name");
        name.setPlaceholder("harbor");
        var url = new TextField("URL");
        url.setPlaceholder("https://registry.example.com");
        url.setWidth("20rem");
        var kind = new Select<AuthKind>();
        kind.setLabel("Authentication");
        kind.setItems(AuthKind.values());
        kind.setValue(AuthKind.BASIC);
        var user = new TextField("User");
        var secret = new PasswordField("Password or token");
        secret.setHelperText("Stored encrypted, never shown again");
        var repositories = new TextField("Repositories");
        repositories.setPlaceholder("all (the catalog)");
        repositories.setHelperText("Comma-separated, e.g. shop/api, shop/web");
        kind.addValueChangeListener(change -> {
            user.setEnabled(change.getValue() == AuthKind.BASIC);
            secret.setEnabled(change.getValue() != AuthKind.ANONYMOUS);
        });
        var save = new Button("Save registry", click -> Notices.attempt(() -> {
            connections.save(new RegistryForm(name.getValue(), url.getValue(), kind.getValue(), user.getValue(), secret.getValue(),
                    Arrays.stream(repositories.getValue().split(",")).map(String::trim).filter(value -> !value.isEmpty()).toList()));
            Notices.success("Registry " + name.getValue() + " saved");
            Navigation.go(Navigation.registries(null, null));
        }));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fields = new HorizontalLayout(name, url, kind, user, secret, repositories, save);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        fields.setWrap(true);
        var form = new VerticalLayout(new H3("Add or change a registry"), fields);
        form.setPadding(false);
        form.addClassName("registry-form");
        return form;
    }

    private void repositories(String registry) {
        add(new PageHeader(registry, "Repositories, the most vulnerable image first within each").crumb("Registries", Navigation.registries(null, null)));
        var grid = new Grid<RepositorySummary>();
        grid.addColumn(RepositorySummary::repository).setHeader("Repository").setFlexGrow(3);
        grid.addColumn(repository -> Formats.count(repository.images())).setHeader("Images");
        grid.addColumn(repository -> Formats.count(repository.imagesInUse())).setHeader("Running");
        grid.addColumn(RepositorySummary::worstCritical).setHeader("Most critical in an image");
        grid.addColumn(RepositorySummary::worstHigh).setHeader("Most high in an image");
        grid.setItemsPageable(pageable -> catalog.repositories(registry, pageable).getContent());
        grid.addItemClickListener(click -> Navigation.go(Navigation.registries(registry, click.getItem().repository())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassNames("clickable", "repositories");
        grid.setEmptyStateText("No image of " + registry + " is known.");
        add(grid);
    }

    private void tags(String registry, String repository) {
        add(new PageHeader(registry + "/" + repository, "Tags and the digest each points at, newest first")
                .crumb("Registries", Navigation.registries(null, null)).crumb(registry, Navigation.registries(registry, null)));
        var grid = new Grid<TagRow>();
        grid.addColumn(tag -> tag.tag().isEmpty() ? "(untagged)" : tag.tag()).setHeader("Tag").setFlexGrow(2);
        grid.addColumn(tag -> Formats.shortDigest(tag.digest())).setHeader("Digest").setFlexGrow(2);
        grid.addColumn(tag -> Formats.time(tag.created())).setHeader("Built");
        grid.addColumn(tag -> tag.signed() == null ? "unknown" : tag.signed() ? "signed" : "unsigned").setHeader("Signature");
        grid.addColumn(tag -> tag.lastScanned() == null ? "not scanned" : tag.critical() + " / " + tag.high()).setHeader("Critical / high");
        grid.addColumn(tag -> tag.inUse() ? "running" : "not running").setHeader("In use");
        List<TagRow> tags = catalog.tags(registry, repository);
        grid.setItems(tags);
        grid.addItemClickListener(click -> Navigation.go(Navigation.image(click.getItem().imageId())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassNames("clickable", "tags");
        grid.setEmptyStateText("No tag of " + repository + " is known.");
        add(grid);
    }
}
