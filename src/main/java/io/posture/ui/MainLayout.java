package io.posture.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;

/** The frame around every page: product name and the side navigation. */
public class MainLayout extends AppLayout {

    public MainLayout() {
        var brand = new Div(new Span("Posture"));
        brand.addClassName("brand");
        var tagline = new Span("container security posture");
        tagline.addClassName("brand-tagline");
        brand.add(tagline);

        var nav = new SideNav();
        nav.addItem(new SideNavItem("Overview", "", VaadinIcon.DASHBOARD.create()));
        nav.addItem(new SideNavItem("Collection runs", Navigation.runs(), VaadinIcon.DOWNLOAD_ALT.create()));
        nav.addClassName("main-nav");

        addToDrawer(brand, nav);
        addToNavbar(new DrawerToggle());
        setPrimarySection(Section.DRAWER);
    }
}
