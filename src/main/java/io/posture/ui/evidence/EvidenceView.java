package io.posture.ui.evidence;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.collect.CollectionRuns;
import io.posture.collect.RunStatus;
import io.posture.collect.RunViews.RunSummary;
import io.posture.scoring.EvaluationHistory;
import io.posture.ui.Formats;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import io.posture.evidence.EvidenceExports;
import io.posture.evidence.EvidenceExports.Export;
import io.posture.evidence.ExportScope;
import io.posture.inventory.InventoryQueries;
import io.posture.inventory.InventoryViews.ClusterInfo;
import io.posture.security.Roles;
import io.posture.ui.MainLayout;
import io.posture.ui.Notices;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Evidence for an auditor: a benchmark in a scope as it stood at a moment, as CSV, JSON or a signed
 * package; with the fingerprint of the key that signs, for {@code posture verify --key-fingerprint}.
 */
@RolesAllowed(Roles.COMPLIANCE_OFFICER)
@Route(value = "evidence", layout = MainLayout.class)
@PageTitle("Evidence · Posture")
class EvidenceView extends VerticalLayout {

    EvidenceView(EvidenceExports exports, BenchmarkCatalog catalog, InventoryQueries inventory, CollectionRuns runs,
                 EvaluationHistory history, Clock clock) {
        add(new PageHeader("Evidence", "A benchmark's results and findings as they stood at a moment, for auditors: "
                + "later changes never leak in, and the same moment always gives the same content"));
        var benchmark = new Select<Benchmark>();
        benchmark.setLabel("Benchmark");
        var benchmarks = List.copyOf(catalog.all());
        benchmark.setItems(benchmarks);
        benchmark.setItemLabelGenerator(Benchmark::title);
        benchmark.setValue(benchmarks.stream().filter(candidate -> candidate.id().equals("cis-kubernetes")).findFirst()
                .orElse(benchmarks.getFirst()));
        benchmark.setWidth("20rem");
        var cluster = new Select<String>();
        cluster.setLabel("Cluster");
        cluster.setItems(inventory.clusters().stream().map(ClusterInfo::name).toList());
        cluster.setEmptySelectionAllowed(true);
        cluster.setEmptySelectionCaption("Whole estate");
        var namespace = new TextField("Namespace");
        namespace.setPlaceholder("all");
        var team = new TextField("Team");
        team.setPlaceholder("all");
        var now = clock.instant().atOffset(ZoneOffset.UTC).toLocalDateTime().withNano(0);
        var day = new DatePicker("As of: day (UTC)");
        day.setValue(now.toLocalDate());
        day.setMax(now.toLocalDate());
        var time = new TextField("Time (UTC)");
        time.setValue(now.toLocalTime().toString());
        time.setPattern("[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?");
        time.setHelperText("HH:mm or HH:mm:ss");
        var run = new Select<RunSummary>();
        run.setLabel("Or as of a collection run");
        run.setItems(runs.page(PageRequest.of(0, 50, Sort.by(Sort.Direction.DESC, "id"))).getContent().stream()
                .filter(candidate -> candidate.finishedAt() != null && candidate.status() != RunStatus.FAILED).toList());
        run.setItemLabelGenerator(candidate -> candidate == null ? "" : "#" + candidate.id() + " " + candidate.clusterName() + ", "
                + Formats.time(candidate.finishedAt()));
        run.setEmptySelectionAllowed(true);
        run.setEmptySelectionCaption("none: the day and time");
        run.setPlaceholder("none: the day and time");
        run.setWidth("22rem");
        run.addValueChangeListener(change -> {
            if (change.getValue() != null) {
                // as of a run: as of the evaluation that followed it
                var moment = history.evaluationAfter(change.getValue().clusterName(), change.getValue().finishedAt().minusMillis(1))
                        .orElse(change.getValue().finishedAt()).atOffset(ZoneOffset.UTC);
                // to the next whole second, so that the evaluation is within the moment chosen
                var second = moment.getNano() == 0 ? moment : moment.plusSeconds(1).withNano(0);
                day.setValue(second.toLocalDate());
                time.setValue(second.toLocalTime().toString());
            }
        });
        var form = new HorizontalLayout(benchmark, cluster, namespace, team, day, time, run);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        var scope = new AtomicReference<ExportScope>();
        Runnable update = () -> {
            try {
                scope.set(day.getValue() == null ? null : new ExportScope(benchmark.getValue().id(), cluster.getValue(),
                        namespace.getValue(), team.getValue(), day.getValue().atTime(LocalTime.parse(time.getValue().trim()))
                        .toInstant(ZoneOffset.UTC), null));
            } catch (java.time.format.DateTimeParseException e) {
                scope.set(null);
                Notices.problem("'" + time.getValue() + "' is not a time such as 14:05 or 14:05:30");
            } catch (IllegalArgumentException e) {
                scope.set(null);
                Notices.problem(e.getMessage());
            }
        };
        update.run();
        benchmark.addValueChangeListener(change -> update.run());
        cluster.addValueChangeListener(change -> update.run());
        namespace.addValueChangeListener(change -> update.run());
        team.addValueChangeListener(change -> update.run());
        day.addValueChangeListener(change -> update.run());
        time.addValueChangeListener(change -> update.run());

        var downloads = new HorizontalLayout(
                download("Evidence package (zip, signed)", scope, exports::evidencePackage),
                download("Report (PDF)", scope, exports::pdf),
                download("Results (CSV)", scope, exports::resultsCsv),
                download("Findings (CSV)", scope, exports::findingsCsv),
                download("Results and findings (JSON)", scope, exports::json),
                download("OSCAL assessment results", scope, exports::oscal));
        downloads.addClassName("evidence-downloads");
        var command = new Pre("java -jar posture.jar verify PACKAGE.zip --key-fingerprint " + exports.signingKeyFingerprint());
        command.addClassName("verify-command");
        add(form, downloads, new Paragraph("The package holds the report, the results, findings, JSON and OSCAL, the kube-bench and docker-bench "
                + "reports and the collected objects behind them, attestation files, the audit events of the 90 days before, "
                + "and manifest.json with each file's SHA-256, "
                + "signed by this instance's Ed25519 key. Anyone can check it, without Posture running:"), command);
    }

    private static Anchor download(String label, AtomicReference<ExportScope> scope, Function<ExportScope, Export> export) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            var chosen = scope.get();
            if (chosen == null) {
                return DownloadResponse.error(400, "Choose a benchmark and a moment");
            }
            var file = export.apply(chosen);
            return new DownloadResponse(new ByteArrayInputStream(file.content()), file.fileName(), file.contentType(), file.content().length);
        }), label);
        anchor.getElement().setAttribute("download", true);
        anchor.addComponentAsFirst(VaadinIcon.DOWNLOAD_ALT.create());
        anchor.addClassName("download");
        return anchor;
    }
}
