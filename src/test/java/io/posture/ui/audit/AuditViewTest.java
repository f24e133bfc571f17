package io.posture.ui.audit;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.security.AuditLog.AuditEvent;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;

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
        for (int i = 0; i < test(filtered).size(); i++) {
            assertThat(test(filtered).getRow(i).subject()).isEqualTo("cluster prod-eu1");
        }
    }
}
