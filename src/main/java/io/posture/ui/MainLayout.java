package io.posture.ui;

import jakarta.annotation.security.PermitAll;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.posture.security.Role;

/** The frame around every page: product name and the side navigation. */
@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(AuthenticationContext authentication) {
        var brand = new Div(new Span("Posture"));
        brand.addClassName("brand");
        var tagline = new Span("container security posture");
        tagline.addClassName("brand-tagline");
        brand.add(tagline);

        var nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", "", VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("Benchmarks", Navigation.benchmarks(), VaadinIcon.CHECK_SQUARE_O.create()));
        nav.addItem(new SideNavItem("Hosts", Navigation.hosts(), VaadinIcon.SERVER.create()));
        nav.addItem(new SideNavItem("Images", Navigation.images(), VaadinIcon.PACKAGE.create()));
        nav.addItem(new SideNavItem("Registries", Navigation.registries(null, null), VaadinIcon.ARCHIVES.create()));
        nav.addItem(new SideNavItem("Findings", "findings", VaadinIcon.WARNING.create()));
        nav.addItem(new SideNavItem("Tasks", Navigation.tasks(), VaadinIcon.TASKS.create()));
        nav.addItem(new SideNavItem("Exceptions", "exceptions", VaadinIcon.SHIELD.create()));
        nav.addItem(new SideNavItem("Live clusters", "connections", VaadinIcon.CLOUD_DOWNLOAD_O.create()));
        nav.addItem(new SideNavItem("Collection runs", Navigation.runs(), VaadinIcon.DOWNLOAD_ALT.create()));
        nav.addItem(new SideNavItem("Audit log", Navigation.audit(null), VaadinIcon.CLIPBOARD_TEXT.create()));
        if (authentication.hasRole(Role.COMPLIANCE_OFFICER.name())) {
            nav.addItem(new SideNavItem("Evidence", "evidence", VaadinIcon.ARCHIVE.create()));
        }
        nav.addItem(new SideNavItem("API tokens", "tokens", VaadinIcon.KEY.create()));
        nav.addItem(new SideNavItem("Settings", Navigation.settings(), VaadinIcon.COG.create()));
        if (authentication.hasRole(Role.ADMIN.name())) {
            nav.addItem(new SideNavItem("Users", Navigation.users(), VaadinIcon.USERS.create()));
        }
        nav.addClassName("main-nav");

        addToDrawer(brand, nav);
        var user = new Span(authentication.getPrincipalName().orElse("") + " · "
                + String.join(", ", authentication.getGrantedRoles().stream().sorted()
                .map(role -> role.toLowerCase().replace('_', ' ')).toList()));
        user.addClassName("current-user");
        var logout = new Button("Sign out", click -> authentication.logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        var account = new Div(user, logout);
        account.addClassName("account");
        addToNavbar(new DrawerToggle(), account);
        setPrimarySection(Section.DRAWER);
    }
}
