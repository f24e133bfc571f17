package io.posture.ui.images;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import io.posture.collect.ExploitFeeds;
import io.posture.collect.ImageScans;
import io.posture.inventory.ArtifactCatalog;
import io.posture.inventory.ExploitIntel;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.ArtifactSummary;
import io.posture.inventory.ImageViews.ImageSummary;
import io.posture.security.Role;
import io.posture.ui.Formats;
import io.posture.ui.JsonReportUpload;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

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

    ImagesView(ImageCatalog catalog, ArtifactCatalog artifacts, ImageScans scans, ExploitFeeds feeds, ExploitIntel intel,
               AuthenticationContext authentication, Clock clock) {
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
        var others = artifacts(artifacts);
        add(new H3("Other scanned artifacts"), new Paragraph("Scans of repositories, directories, SBOMs and VMs: they run "
                + "nowhere, so no image or workload control reads them."), others);
        if (authentication.hasRole(Role.ADMIN.name()) || authentication.hasRole(Role.SECURITY_MANAGER.name())) {
            add(uploadForm(scans, () -> {
                grid.getDataProvider().refreshAll();
                others.getDataProvider().refreshAll();
            }), intelForm(feeds, intel));
        }
    }

    /** CISA KEV and FIRST EPSS, uploaded as their publishers ship them; Posture downloads nothing itself. */
    private static VerticalLayout intelForm(ExploitFeeds feeds, ExploitIntel intel) {
        var held = new Paragraph(intel.summary().orElse("None imported yet."));
        var upload = new JsonReportUpload("known_exploited_vulnerabilities.json (CISA KEV) or epss_scores-DATE.csv.gz (FIRST EPSS)",
                "Import", 32L * 1024 * 1024, feeds::upload, () -> held.setText(intel.summary().orElse("None imported yet.")))
                .accepting(".json", ".csv", ".gz");
        var row = new HorizontalLayout(upload.upload(), upload.button());
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        var form = new VerticalLayout(new H3("Import exploit intelligence"), new Paragraph("A vulnerability's page then says whether "
                + "it is exploited in the wild (CISA KEV, with the federal due date) and how likely exploitation is soon (EPSS). "
                + "Each import replaces that source's previous one."), held, row);
        form.setPadding(false);
        form.addClassName("intel-upload");
        return form;
    }

    private static Grid<ArtifactSummary> artifacts(ArtifactCatalog artifacts) {
        var grid = new Grid<ArtifactSummary>();
        grid.addColumn(ArtifactSummary::kind).setHeader("Kind").setSortProperty("kind").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ArtifactSummary::name).setHeader("Name").setSortProperty("name").setFlexGrow(1)
                .setTooltipGenerator(ArtifactSummary::name);
        grid.addComponentColumn(artifact -> counts(artifact.critical(), "severity-critical")).setHeader("Critical")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(artifact -> counts(artifact.high(), "severity-high")).setHeader("High").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ArtifactSummary::vulnerabilities).setHeader("Vulnerabilities").setSortProperty("vulnerabilities")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ArtifactSummary::secrets).setHeader("Secrets").setSortProperty("secrets").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ArtifactSummary::scanner).setHeader("Scanner").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(artifact -> Formats.time(artifact.lastScanned())).setHeader("Last scanned").setSortProperty("lastScanned")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItemsPageable(pageable -> artifacts.artifacts(pageable.getSort().isSorted() ? pageable
                : PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("kind", "name"))).getContent());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("scanned-artifacts");
        grid.setHeight("14rem");
        grid.setEmptyStateText("None yet: a trivy fs, repo or sbom scan, or grype on a directory, appears here.");
        return grid;
    }

    private static Span counts(Integer count, String severityClass) {
        var badge = new Span(count == null ? "—" : String.valueOf(count));
        badge.addClassNames("pill", count == null || count == 0 ? "pill-none" : severityClass);
        return badge;
    }

    private static VerticalLayout uploadForm(ImageScans scans, Runnable refresh) {
        var report = new JsonReportUpload("trivy image --format json, trivy k8s --format json, kubectl get vulnerabilityreports -o json, or grype -o json", "Import scan",
                scans.maxFileBytes(), (fileName, content) -> scans.upload(fileName, content).describe(fileName),
                refresh);
        var row = new HorizontalLayout(report.upload(), report.button());
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        var form = new VerticalLayout(new H3("Import a vulnerability scan"), row);
        form.setPadding(false);
        form.addClassName("scan-upload");
        return form;
    }
}
