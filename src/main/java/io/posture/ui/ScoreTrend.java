package io.posture.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import io.posture.scoring.ScoreViews.Trend;
import io.posture.scoring.ScoreViews.TrendPoint;

import java.util.function.IntFunction;

/**
 * A scope's score over the last 7, 30 or 90 days: a chart, and the same snapshots as a table for
 * exact figures. Pages add their own choices (section, team) beside the period and call {@link #refresh()}.
 */
public class ScoreTrend extends VerticalLayout {

    private final IntFunction<Trend> trendOfDays;
    private final Select<Integer> period = new Select<>();
    private final TrendChart chart = new TrendChart();
    private final Paragraph emptyNote = new Paragraph();
    private final Grid<TrendPoint> table = new Grid<>();

    public ScoreTrend(IntFunction<Trend> trendOfDays, Component... choices) {
        this.trendOfDays = trendOfDays;
        period.setLabel("Period");
        period.setItems(7, 30, 90);
        period.setItemLabelGenerator(days -> "last " + days + " days");
        period.setValue(30);
        period.addValueChangeListener(change -> refresh());
        var toolbar = new HorizontalLayout(choices);
        toolbar.add(period);
        toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        chart.setWidthFull();
        emptyNote.addClassName("notice");
        table.addColumn(point -> Formats.time(point.at())).setHeader("Evaluated");
        table.addComponentColumn(point -> Formats.scoreBadge(point.score())).setHeader("Score");
        table.addColumn(point -> Formats.percent(point.coverage())).setHeader("Coverage");
        table.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        table.setHeight("300px");
        var figures = new Details("Figures of every evaluation", table);
        figures.setWidthFull();

        add(toolbar, emptyNote, chart, figures);
        setPadding(false);
        addClassName("score-trend");
        refresh();
    }

    public void refresh() {
        var trend = trendOfDays.apply(period.getValue());
        chart.show(trend);
        table.setItems(trend.points().reversed());
        emptyNote.setText("No evaluation in the last " + period.getValue() + " days for this choice.");
        emptyNote.setVisible(trend.points().isEmpty());
    }
}
