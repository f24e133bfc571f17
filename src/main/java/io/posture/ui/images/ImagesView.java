package io.posture.ui.images;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.collect.ImageScans;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.ImageSummary;
import io.posture.security.Role;
import io.posture.ui.Formats;
import io.posture.ui.JsonReportUpload;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;

/**
 * Every image the estate runs or a scan or registry described: where it comes from, how many
 * workloads run it, its critical, high and fixable vulnerabilities, age and signature; a search
 * for where a vulnerability runs; and the upload of Trivy and Grype reports.
 */
@PermitAll
@Route(value = "images", layout = MainLayout.class)
@PageTitle("Images · Posture")
class ImagesView extends VerticalLayout {

    ImagesView(ImageCatalog catalog, ImageScans scans, AuthenticationContext authentication, Clock clock) {
        setSizeFull();
        add(new PageHeader("Images", "What runs, what it contains, where it came from: by digest, from workloads, "
                + "registries and scan reports"));

        var cve = new TextField();
        cve.setPlaceholder("CVE-2024-3094");
        cve.setLabel("Where does a CVE run?");
        var find = new Button("Find", VaadinIcon.SEARCH.create(), click -> {
            if (!cve.getValue().isBlank()) {
                Navigation.go(Navigation.vulnerability(ImageCatalog.normalizedVulnerabilityId(cve.getValue())));
            }
        });
        find.addClickShortcut(com.vaadin.flow.component.Key.ENTER).listenOn(cve);
        var text = new TextField("Image");
        text.setPlaceholder("registry or repository");
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        var inUse = new Checkbox("Running only");
        var filters = new HorizontalLayout(text, inUse, cve, find);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(filters);

        var now = clock.instant();
        var grid = new Grid<ImageSummary>();
        grid.addColumn(ImageSummary::taggedName).setHeader("Image").setFlexGrow(1).setTooltipGenerator(ImageSummary::taggedName);
        grid.addColumn(image -> Formats.shortDigest(image.digest())).setHeader("Digest").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(image -> image.workloads() == 0 ? "not running" : Formats.count(image.workloads())).setHeader("Workloads")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(image -> counts(image.lastScanned() == null ? null : image.critical(), "severity-critical"))
                .setHeader("Critical").setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(image -> counts(image.lastScanned() == null ? null : image.high(), "severity-high"))
                .setHeader("High").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(image -> image.lastScanned() == null ? "not scanned" : image.fixable() + " (" + image.fixableCriticalHigh() + " critical/high)")
                .setHeader("Fixable").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(image -> Formats.age(image.created(), now)).setHeader("Age").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(image -> image.signed() == null ? "unknown" : image.signed() ? "signed" : "unsigned").setHeader("Signature")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> catalog.images(text.getValue(), null, inUse.getValue(), pageable).getContent());
        grid.addItemClickListener(click -> Navigation.go(Navigation.image(click.getItem().id())));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassNames("clickable", "images");
        grid.setEmptyStateText("No images yet: import manifests or collect a cluster, collect a registry, or upload a scan report below.");
        text.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        inUse.addValueChangeListener(change -> grid.getDataProvider().refreshAll());
        add(grid);
        if (authentication.hasRole(Role.ADMIN.name()) || authentication.hasRole(Role.SECURITY_MANAGER.name())) {
            add(uploadForm(scans, grid));
        }
    }

    private static Span counts(Integer count, String severityClass) {
        var badge = new Span(count == null ? "—" : String.valueOf(count));
        badge.addClassNames("pill", count == null || count == 0 ? "pill-none" : severityClass);
        return badge;
    }

    private static VerticalLayout uploadForm(ImageScans scans, Grid<ImageSummary> grid) {
        var report = new JsonReportUpload("trivy image --format json, trivy k8s --format json, kubectl get vulnerabilityreports -o json, or grype -o json", "Import scan",
                scans.maxFileBytes(), (fileName, content) -> {
            var result = scans.upload(fileName, content);
            var vulnerabilities = result.images().stream().mapToInt(ImageScans.ImportedImage::vulnerabilities).sum();
            return fileName + ": " + vulnerabilities + " vulnerabilities of " + result.images().size()
                    + (result.images().size() == 1 ? " image" : " images") + " from " + result.scanner()
                    + (result.skipped().isEmpty() ? "" : "; " + result.skipped().size() + " entries without an id or package skipped");
        }, () -> grid.getDataProvider().refreshAll());
        var row = new HorizontalLayout(report.upload(), report.button());
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        var form = new VerticalLayout(new H3("Import a vulnerability scan"), row);
        form.setPadding(false);
        form.addClassName("scan-upload");
        return form;
    }
}
