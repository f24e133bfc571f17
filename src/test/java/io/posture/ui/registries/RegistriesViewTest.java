package io.posture.ui.registries;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.collect.RegistryViews.RegistrySummary;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class RegistriesViewTest extends DemoEstateViewTest {

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    @SuppressWarnings("unchecked")
    void anAdministratorAddsAnAnonymousRegistryAndIsRefusedABadUrl() {
        navigate("registries", RegistriesView.class);
        test($(TextField.class).withCaption("Name").single()).setValue("mirror");
        test($(TextField.class).withCaption("URL").single()).setValue("not a url");
        test($(Button.class).withText("Save registry").single()).click();
        assertThat(test($(Notification.class).last()).getText()).contains("is not a registry URL");

        test($(TextField.class).withCaption("URL").single()).setValue("https://mirror.example.com");
        test($(Select.class).withCaption("Authentication").single())
                .selectItem("ANONYMOUS");
        test($(Button.class).withText("Save registry").single()).click();

        Grid<RegistrySummary> connections = $(Grid.class).withClassName("registry-connections").single();
        assertThat(test(connections).size()).isEqualTo(1);
        assertThat(test(connections).getRow(0).url()).isEqualTo("https://mirror.example.com");
        assertThat(test(connections).getRow(0).credentialSet()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void viewersDrillFromARegistryToItsRepositoriesAndTags() {
        navigate("registries", RegistriesView.class);
        assertThat($(Button.class).withText("Save registry").exists()).isFalse();
        Grid<io.posture.inventory.ImageViews.RegistrySummary> registries = $(Grid.class).withClassName("registries").single();
        assertThat(java.util.stream.IntStream.range(0, test(registries).size()).mapToObj(i -> test(registries).getRow(i).registry()))
                .contains("registry.example.com", "docker.io", "quay.io");

        com.vaadin.flow.component.UI.getCurrent().navigate("registries", com.vaadin.flow.router.QueryParameters.of("registry", "registry.example.com"));
        Grid<io.posture.inventory.ImageViews.RepositorySummary> repositories = $(Grid.class).withClassName("repositories").single();
        assertThat(test(repositories).size()).isGreaterThan(10);
    }
}
