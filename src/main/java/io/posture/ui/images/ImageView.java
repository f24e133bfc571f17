package io.posture.ui.images;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.inventory.ExploitIntel;
import io.posture.inventory.ImageCatalog;
import io.posture.inventory.ImageViews.FixState;
import io.posture.inventory.ImageViews.FoundSecret;
import io.posture.inventory.ImageViews.ImageDetail;
import io.posture.inventory.ImageViews.ImageUse;
import io.posture.inventory.ImageViews.ScanRecord;
import io.posture.inventory.ImageViews.Vulnerability;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Navigation;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** One image: what it is (digest, tags, config, signature), its vulnerabilities by package, where it runs, its scans. */
@PermitAll
@Route(value = "images", layout = MainLayout.class)
@PageTitle("Image · Posture")
class ImageView extends VerticalLayout implements HasUrlParameter<Long> {

    private final ImageCatalog catalog;
    private final ExploitIntel intel;
    private final Clock clock;

    ImageView(ImageCatalog catalog, ExploitIntel intel, Clock clock) {
        this.intel = intel;
        this.catalog = catalog;
        this.clock = clock;
        setSizeFull();
    }

    @Override
    public void setParameter(BeforeEvent event, Long imageId) {
        removeAll();
        var image = catalog.image(imageId).orElseThrow(() -> new NotFoundException("No image " + imageId));
        var summary = image.summary();
        add(new PageHeader(summary.name() + (image.tags().isEmpty() ? "" : ":" + String.join(", ", image.tags())),
                (summary.workloads() == 0 ? "Not running" : "Run by " + summary.workloads() + (summary.workloads() == 1 ? " workload" : " workloads"))
                        + " · " + (summary.lastScanned() == null ? "never scanned"
                        : summary.critical() + " critical, " + summary.high() + " high, " + summary.fixable() + " fixable")
                        + " · " + (summary.signed() == null ? "signature unknown" : summary.signed() ? "signed" : "unsigned"))
                .crumb("Images", Navigation.images())
                .crumb(summary.registry(), Navigation.registries(summary.registry(), null))
                .crumb(summary.repository(), Navigation.registries(summary.registry(), summary.repository())));
        add(facts(image));

        var tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("Vulnerabilities", vulnerabilities(imageId, summary.lastScanned() == null));
        var secrets = catalog.secrets(imageId);
        if (!secrets.isEmpty()) {
            tabs.add("Secrets (" + secrets.size() + ")", secrets(secrets));
        }
        tabs.add("Where it runs (" + image.uses().size() + ")", uses(image));
        tabs.add("Scans", scans(image));
        add(tabs);
        setFlexGrow(1, tabs);
    }

    private Div facts(ImageDetail image) {
        var summary = image.summary();
        var facts = new LinkedHashMap<String, String>();
        facts.put("Digest", summary.digest() == null ? "not known yet (no registry or pod status named it)" : summary.digest());
        facts.put("OS", summary.os() == null ? "—" : summary.os() + (image.architecture() == null ? "" : " · " + image.architecture()));
        facts.put("Built", summary.created() == null ? "—" : Formats.time(summary.created()) + " (" + Formats.age(summary.created(), clock.instant()) + " ago)");
        facts.put("User", summary.configUser() == null ? "not known" : summary.configUser().isEmpty() ? "root (no USER in the image config)" : summary.configUser());
        facts.put("Attestation", image.attested() == null ? "unknown" : image.attested() ? "present" : "none found");
        facts.put("Last scan", summary.lastScanned() == null ? "never" : Formats.time(summary.lastScanned()) + " by " + image.scanner());
        facts.put("Labels", image.labels().isEmpty() ? "—" : image.labels().entrySet().stream()
                .map(label -> label.getKey() + "=" + label.getValue()).collect(Collectors.joining(", ")));
        var list = new Div();
        list.addClassName("facts");
        facts.forEach((name, value) -> {
            var row = new Div(new Span(name), new Span(value));
            row.addClassName("fact");
            list.add(row);
        });
        return list;
    }

    private Grid<Vulnerability> vulnerabilities(long imageId, boolean neverScanned) {
        var grid = new Grid<Vulnerability>();
        grid.addColumn(Vulnerability::packageName).setHeader("Package").setFlexGrow(2);
        grid.addComponentColumn(vulnerability -> {
            var link = new Anchor(Navigation.vulnerability(vulnerability.id()), vulnerability.id());
            link.setTitle("Where else does " + vulnerability.id() + " run?");
            return link;
        }).setHeader("Vulnerability").setFlexGrow(2);
        grid.addComponentColumn(vulnerability -> Formats.vulnerabilitySeverityBadge(vulnerability.severity())).setHeader("Severity");
        grid.addColumn(vulnerability -> vulnerability.cvss() == null ? "—" : String.format(Locale.ROOT, "%.1f", vulnerability.cvss())).setHeader("CVSS");
        grid.addColumn(vulnerability -> vulnerability.installedVersion() == null ? "—" : vulnerability.installedVersion()).setHeader("Installed");
        grid.addColumn(ImageView::fix).setHeader("Fix").setFlexGrow(2);
        var exploitation = new HashMap<String, String>();
        grid.addColumn(vulnerability -> exploitation.getOrDefault(vulnerability.id(), "—")).setHeader("Exploitation")
                .setTooltipGenerator(vulnerability -> "CISA KEV and FIRST EPSS, as imported on the Images page").setAutoWidth(true);
        grid.addColumn(vulnerability -> vulnerability.title() == null ? "" : vulnerability.title()).setHeader("Title").setFlexGrow(4);
        grid.setItemsPageable(pageable -> {
            var page = catalog.vulnerabilities(imageId, pageable).getContent();
            exploitation.putAll(intel.marks(page.stream().map(Vulnerability::id).toList()));
            return page;
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addClassName("vulnerabilities");
        grid.setEmptyStateText(neverScanned ? "Never scanned: upload a Trivy or Grype report of this image on the Images page, or from a pipeline."
                : "The latest scan found no vulnerability.");
        return grid;
    }

    /** Where the scanner found secrets in the image; what it matched is never kept, so it cannot be shown. */
    private static Grid<FoundSecret> secrets(List<FoundSecret> secrets) {
        var grid = new Grid<FoundSecret>();
        grid.addComponentColumn(secret -> Formats.vulnerabilitySeverityBadge(secret.severity())).setHeader("Severity").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(secret -> secret.title() == null ? secret.ruleId() : secret.title()).setHeader("Secret").setFlexGrow(2);
        grid.addColumn(secret -> secret.category() == null ? "—" : secret.category()).setHeader("Category");
        grid.addColumn(secret -> (secret.target() == null ? "" : secret.target())
                + (secret.startLine() == null ? "" : ":" + secret.startLine())).setHeader("File and line").setFlexGrow(3);
        grid.setItems(secrets);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("secrets");
        return grid;
    }

    private static String fix(Vulnerability vulnerability) {
        return switch (vulnerability.fixState() == null ? FixState.UNKNOWN : vulnerability.fixState()) {
            case FIXED -> "fixed in " + (vulnerability.fixedVersion() == null ? "a newer version" : vulnerability.fixedVersion());
            case NOT_FIXED -> "no fix yet";
            case WONT_FIX -> "will not be fixed";
            case UNKNOWN -> "—";
        };
    }

    private static Grid<ImageUse> uses(ImageDetail image) {
        var grid = new Grid<ImageUse>();
        grid.addColumn(ImageUse::cluster).setHeader("Cluster");
        grid.addColumn(ImageUse::namespace).setHeader("Namespace");
        grid.addColumn(use -> use.kind() + "/" + use.workload()).setHeader("Workload").setFlexGrow(2);
        grid.addColumn(ImageUse::container).setHeader("Container");
        grid.addColumn(ImageUse::reference).setHeader("Reference as written").setFlexGrow(3);
        grid.setItems(image.uses());
        grid.addItemClickListener(click -> {
            var use = click.getItem();
            Navigation.go(Navigation.workload(use.cluster(), use.namespace(), use.kind().name(), use.workload(), null));
        });
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassNames("clickable", "image-uses");
        grid.setEmptyStateText("No workload runs this image now.");
        return grid;
    }

    private static Grid<ScanRecord> scans(ImageDetail image) {
        var grid = new Grid<ScanRecord>();
        grid.addColumn(scan -> Formats.time(scan.importedAt())).setHeader("Imported");
        grid.addColumn(scan -> scan.scanner() + (scan.scannerVersion() == null ? "" : " " + scan.scannerVersion())).setHeader("Scanner");
        grid.addColumn(ScanRecord::sourceName).setHeader("File").setFlexGrow(2);
        grid.addColumn(ScanRecord::vulnerabilityCount).setHeader("Vulnerabilities");
        grid.addColumn(ScanRecord::importedBy).setHeader("By");
        grid.addColumn(scan -> scan.sha256().substring(0, 16) + "…").setHeader("SHA-256");
        grid.setItems(image.scans());
        grid.setEmptyStateText("No scan imported for this image.");
        return grid;
    }
}
