package io.posture.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.security.AuditLog.AuditEvent;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class AuditViewTest extends DemoEstateViewTest {

    @Test
    void listsEventsNewestFirstAndSearchesThroughTheUrl() {
        navigate(AuditView.class);

        @SuppressWarnings("unchecked")
        Grid<AuditEvent> grid = $(Grid.class).single();
        assertThat(test(grid).size()).isGreaterThanOrEqualTo(4);
        assertThat(test(grid).getRow(0).id()).isGreaterThan(test(grid).getRow(1).id());

        test($(TextField.class).withLabel("Search").single()).setValue("prod-eu1");

        assertThat(com.vaadin.flow.component.UI.getCurrent().getActiveViewLocation().getPathWithQueryParameters())
                .isEqualTo("audit?q=prod-eu1");
        @SuppressWarnings("unchecked")
        Grid<AuditEvent> filtered = $(Grid.class).single();
        assertThat(test(filtered).size()).isPositive();
        var rows = new ArrayList<AuditEvent>();
        for (int i = 0; i < test(filtered).size(); i++) {
            rows.add(test(filtered).getRow(i));
        }
        assertThat(rows).allSatisfy(row -> assertThat(row.actor() + row.action() + row.subject() + row.reason()).contains("prod-eu1"));
        assertThat(rows).anySatisfy(row -> {
            assertThat(row.action()).isEqualTo("MANIFESTS_IMPORTED");
            assertThat(row.subject()).isEqualTo("cluster prod-eu1");
        });
    }
}
