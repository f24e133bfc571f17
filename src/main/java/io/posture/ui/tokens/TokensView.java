package io.posture.ui.tokens;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.security.ApiTokens;
import io.posture.security.ApiTokens.TokenInfo;
import io.posture.security.Role;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.Notices;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.PermitAll;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/** The signed-in user's API tokens for pipelines (an administrator sees everyone's): create, see use, revoke. */
@PermitAll
@Route(value = "tokens", layout = MainLayout.class)
@PageTitle("API tokens · Posture")
class TokensView extends VerticalLayout {

    TokensView(ApiTokens tokens, AuthenticationContext authentication, Clock clock) {
        setSizeFull();
        add(new PageHeader("API tokens", "For pipelines and tools calling /api/v1: each token acts with one of your roles until it expires or is revoked"));
        var grid = new Grid<TokenInfo>();
        grid.addColumn(TokenInfo::name).setHeader("Name").setFlexGrow(2);
        grid.addColumn(TokenInfo::username).setHeader("Owner");
        grid.addColumn(token -> token.role().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')).setHeader("Role");
        grid.addColumn(token -> Formats.time(token.createdAt())).setHeader("Created");
        grid.addColumn(token -> Formats.time(token.expiresAt())).setHeader("Expires");
        grid.addColumn(token -> Formats.time(token.lastUsedAt())).setHeader("Last used");
        grid.addColumn(token -> token.revokedAt() != null ? "revoked" : token.expiresAt().isBefore(clock.instant()) ? "expired" : "active")
                .setHeader("State");
        grid.addComponentColumn(token -> {
            var revoke = new Button("Revoke", click -> {
                tokens.revoke(token.id());
                Notices.success("Token " + token.name() + " revoked: it no longer works");
                grid.setItems(tokens.list());
            });
            revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            revoke.setVisible(token.revokedAt() == null);
            return revoke;
        }).setHeader("").setKey("revoke");
        grid.setItems(tokens.list());
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addClassName("api-tokens");
        grid.setEmptyStateText("No API token yet.");

        var name = new TextField("Name");
        name.setPlaceholder("shop CI pipeline");
        var role = new Select<Role>();
        role.setLabel("Acts as");
        var roles = Arrays.stream(Role.values()).filter(candidate -> authentication.hasRole(candidate.name())).toList();
        role.setItems(roles);
        role.setItemLabelGenerator(candidate -> candidate.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
        if (!roles.isEmpty()) {
            role.setValue(roles.getLast());
        }
        var validity = new Select<Integer>();
        validity.setLabel("Valid for");
        validity.setItems(7, 30, 90, 365);
        validity.setItemLabelGenerator(days -> days + " days");
        validity.setValue(90);
        var secret = new TextField("New token (shown once: copy it now)");
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.setVisible(false);
        secret.addClassName("new-token");
        var create = new Button("Create token", click -> Notices.attempt(() -> {
            var created = tokens.create(name.getValue(), role.getValue(), Duration.ofDays(validity.getValue()));
            secret.setValue(created.secret());
            secret.setVisible(true);
            grid.setItems(tokens.list());
            name.clear();
        }));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fields = new HorizontalLayout(name, role, validity, create);
        fields.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H3("Create a token"), fields, secret, new Paragraph("Use it as Authorization: Bearer <token>, e.g. "
                + "POSTURE_TOKEN=<token> java -jar posture.jar upload-scan --server https://posture.example.com trivy.json"), grid);
    }
}
