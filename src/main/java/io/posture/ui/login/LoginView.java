package io.posture.ui.login;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.posture.security.DemoAccounts;
import io.posture.security.SingleSignOn;
import io.posture.security.DemoAccounts.DemoAccount;

@Route(value = "login", autoLayout = false)
@PageTitle("Sign in · Posture")
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver {

    private final LoginForm form = new LoginForm();

    LoginView(DemoAccounts demoAccounts, SingleSignOn singleSignOn) {
        addClassName("login-page");
        setSizeFull();
        setAlignItems(Alignment.CENTER);
        setJustifyContentMode(JustifyContentMode.CENTER);
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        var title = new H1("Posture");
        var tagline = new Paragraph("Security posture of your container estate");
        tagline.addClassName("subtitle");
        add(title, tagline, form);
        for (var provider : singleSignOn.providers()) {
            var link = new Anchor(provider.path(), "Sign in with " + provider.name());
            link.setRouterIgnore(true);
            link.addClassName("sso-link");
            add(link);
        }
        if (!demoAccounts.accounts().isEmpty()) {
            add(demoPanel(demoAccounts));
        }
    }

    private static Div demoPanel(DemoAccounts demoAccounts) {
        var grid = new Grid<DemoAccount>();
        grid.addColumn(DemoAccount::username).setHeader("User");
        grid.addColumn(DemoAccount::password).setHeader("Password");
        grid.addColumn(account -> account.role().name().toLowerCase().replace('_', ' ')).setHeader("Role");
        grid.setItems(demoAccounts.accounts());
        grid.setAllRowsVisible(true);
        var note = new Paragraph("Demo accounts, one per role, for the demo estate. Turn them off with posture.demo.users=false.");
        note.addClassName("hint");
        var panel = new Div(note, grid);
        panel.addClassName("demo-accounts");
        return panel;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("throttled")) {
            var i18n = LoginI18n.createDefault();
            i18n.getErrorMessage().setTitle("Too many failed sign-ins");
            i18n.getErrorMessage().setMessage("Sign-in to this account from here is paused for a moment after repeated "
                    + "failures; try again in " + parameters.get("throttled").getFirst().replaceAll("\\D", "") + " seconds.");
            form.setI18n(i18n);
        }
        form.setError(parameters.containsKey("error") || parameters.containsKey("throttled"));
    }
}
