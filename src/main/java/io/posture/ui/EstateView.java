package io.posture.ui;

import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.RouteParameters;
import io.posture.benchmark.BenchmarkCatalog;
import io.posture.inventory.InventoryQueries;
import io.posture.scoring.ScoreQueries;

/**
 * Base of the drill-down pages (overview, cluster, namespace, workload): each renders itself
 * from its route parameters and the benchmark named in the URL.
 */
public abstract class EstateView extends VerticalLayout implements BeforeEnterObserver {

    protected final InventoryQueries inventory;
    protected final ScoreQueries scores;
    protected final BenchmarkCatalog catalog;

    protected EstateView(InventoryQueries inventory, ScoreQueries scores, BenchmarkCatalog catalog) {
        this.inventory = inventory;
        this.scores = scores;
        this.catalog = catalog;
        addClassName("page");
    }

    @Override
    public final void beforeEnter(BeforeEnterEvent event) {
        var benchmarkId = Navigation.benchmarkOf(event.getLocation(), catalog);
        removeAll();
        show(event.getRouteParameters(), benchmarkId);
    }

    /** Renders the page; throw {@link NotFoundException} for what does not exist. */
    protected abstract void show(RouteParameters parameters, String benchmarkId);

    protected static String parameter(RouteParameters parameters, String name) {
        return parameters.get(name).orElseThrow(() -> new NotFoundException("missing " + name));
    }
}
