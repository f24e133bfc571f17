package io.posture.ui;

import com.vaadin.flow.component.select.Select;
import io.posture.benchmark.Benchmark;
import io.posture.benchmark.BenchmarkCatalog;

import java.util.function.Function;

/** Picks the benchmark a page shows; the choice goes into the URL so links keep it. */
public class BenchmarkSelect extends Select<Benchmark> {

    public BenchmarkSelect(BenchmarkCatalog catalog, String selectedId, Function<String, String> locationFor) {
        setLabel("Benchmark");
        setItems(catalog.all());
        setItemLabelGenerator(Benchmark::title);
        setValue(catalog.get(selectedId));
        setWidth("22rem");
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                Navigation.go(locationFor.apply(event.getValue().id()));
            }
        });
    }
}
