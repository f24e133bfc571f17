package io.posture.ui.benchmarks;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.QueryParameters;
import io.posture.scoring.ScoreQueries;
import io.posture.scoring.ScoreViews.ScoreScope;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.TrendChart;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BenchmarkTrendViewTest extends DemoEstateViewTest {

    @Autowired
    ScoreQueries scores;

    @Test
    void chartsTheEstateTrendAndFollowsTheSectionAndTeamChoices() {
        navigate("benchmarks/cis-kubernetes", BenchmarkView.class);
        $(TabSheet.class).single().setSelectedIndex(3);

        var expected = scores.trend("cis-kubernetes", ScoreScope.estate(), "", 30);
        assertThat(expected.points()).isNotEmpty();
        var series = series();
        assertThat(series.get("points")).hasSize(expected.points().size());
        assertThat(series.get("to").asLong() - series.get("from").asLong()).isEqualTo(30L * 24 * 3600 * 1000);
        var latest = expected.points().getLast();
        assertThat(series.get("points").get(expected.points().size() - 1).get("score").asDouble()).isCloseTo(latest.score(), within(0.1));

        selectByLabel("Section", "5.1");
        var section = scores.trend("cis-kubernetes", ScoreScope.estate(), "5.1", 30).points();
        assertThat(section).isNotEmpty();
        assertThat(series().get("points").get(section.size() - 1).get("score").asDouble()).isCloseTo(section.getLast().score(), within(0.1));

        var teams = scores.teams("cis-kubernetes");
        assertThat(teams).isNotEmpty();
        selectByLabel("Team", teams.getFirst());
        var teamTrend = scores.trend("cis-kubernetes", ScoreScope.team(teams.getFirst()), "5.1", 30).points();
        assertThat(series().get("points")).hasSize(teamTrend.size());
    }

    @Test
    void aClusterTrendHasNoTeamChoice() {
        UI.getCurrent().navigate("benchmarks/cis-kubernetes", QueryParameters.of("cluster", "dev-eu1"));
        $(TabSheet.class).single().setSelectedIndex(3);

        assertThat($(Select.class).all()).extracting(Select::getLabel).contains("Section", "Period").doesNotContain("Team");
        assertThat(series().get("points")).isNotEmpty();
    }

    private JsonNode series() {
        return (JsonNode) $(TrendChart.class).single().getElement().getPropertyRaw("series");
    }

    @SuppressWarnings("unchecked")
    private Select<String> select(String label) {
        return $(Select.class).all().stream().filter(select -> label.equals(select.getLabel())).findFirst().orElseThrow();
    }

    private void selectByLabel(String label, String value) {
        var select = select(label);
        test(select).selectItem(select.getItemLabelGenerator().apply(value));
    }
}
