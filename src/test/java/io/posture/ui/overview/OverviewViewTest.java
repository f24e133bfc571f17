package io.posture.ui.overview;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import io.posture.benchmark.Benchmark;
import io.posture.scoring.ScoreViews.ControlRanking;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OverviewViewTest extends DemoEstateViewTest {

    @Test
    void showsTheDemoEstateWithAScorePerClusterAndTheWorstControls() {
        navigate(OverviewView.class);

        assertThat($(Span.class).withClassName("figure-value").all()).extracting(Span::getText)
                .first().isEqualTo("3");
        var cards = $(Anchor.class).withClassName("cluster-card").all();
        assertThat(cards).extracting(card -> card.getHref())
                .containsExactly("clusters/dev-eu1", "clusters/prod-eu1", "clusters/staging-eu1");
        @SuppressWarnings("unchecked")
        Grid<ControlRanking> worst = $(Grid.class).withClassName("worst-controls").single();
        assertThat(test(worst).size()).isEqualTo(10);
        var first = test(worst).getRow(0);
        var second = test(worst).getRow(1);
        assertThat(first.pointsLost()).isGreaterThanOrEqualTo(second.pointsLost());
    }

    @Test
    void theBenchmarkComesFromTheUrlAndLinksKeepIt() {
        navigate(OverviewView.class);
        Navigation.go(Navigation.overview("pss-baseline"));

        @SuppressWarnings("unchecked")
        Select<Benchmark> select = $(Select.class).single();
        assertThat(select.getValue().id()).isEqualTo("pss-baseline");
        assertThat($(Anchor.class).withClassName("cluster-card").first().getHref())
                .isEqualTo("clusters/dev-eu1?benchmark=pss-baseline");
    }
}
