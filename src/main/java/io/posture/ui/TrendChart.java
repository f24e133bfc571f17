package io.posture.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import io.posture.scoring.ScoreViews.Trend;

import java.util.List;

/** A score and coverage line chart (Chart.js, in {@code frontend/posture-trend-chart.ts}). */
@Tag("posture-trend-chart")
@NpmPackage(value = "chart.js", version = "4.5.1")
@JsModule("./posture-trend-chart.ts")
public class TrendChart extends Component implements HasSize {

    /** What the element draws: epoch milliseconds, and figures on the 0–100 scale. */
    record Series(long from, long to, List<Point> points) {
    }

    record Point(long at, Double score, Double coverage) {
    }

    public void show(Trend trend) {
        getElement().setPropertyBean("series", new Series(trend.from().toEpochMilli(), trend.to().toEpochMilli(),
                trend.points().stream().map(point -> new Point(point.at().toEpochMilli(), tenths(point.score()), tenths(point.coverage())))
                        .toList()));
    }

    /** Floored like every score on the page, one decimal kept so that small moves still show. */
    private static Double tenths(Double figure) {
        return figure == null ? null : Math.floor(figure * 10) / 10;
    }
}
