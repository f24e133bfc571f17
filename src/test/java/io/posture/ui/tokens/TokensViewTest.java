package io.posture.ui.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.security.ApiTokens;
import io.posture.security.ApiTokens.TokenInfo;
import io.posture.security.Roles;
import io.posture.ui.DemoEstateViewTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import static org.assertj.core.api.Assertions.assertThat;

class TokensViewTest extends DemoEstateViewTest {

    @Autowired
    ApiTokens tokens;

    @Test
    @WithMockUser(username = "manager", roles = Roles.SECURITY_MANAGER)
    @SuppressWarnings("unchecked")
    void aManagerCreatesATokenSeesItOnceAndRevokesIt() {
        navigate("tokens", TokensView.class);
        test($(TextField.class).withCaption("Name").single()).setValue("shop pipeline");
        test($(Button.class).withText("Create token").single()).click();

        var secret = $(TextField.class).withClassName("new-token").single();
        assertThat(secret.isVisible()).isTrue();
        assertThat(secret.getValue()).startsWith(ApiTokens.PREFIX);
        assertThat(tokens.authenticate(secret.getValue())).isPresent();
        Grid<TokenInfo> grid = $(Grid.class).single();
        assertThat(test(grid).getRow(0).name()).isEqualTo("shop pipeline");

        test((Button) test(grid).getCellComponent(0, "revoke")).click();

        assertThat(tokens.authenticate(secret.getValue())).isEmpty();
        assertThat(test(grid).getRow(0).revokedAt()).isNotNull();
    }
}
