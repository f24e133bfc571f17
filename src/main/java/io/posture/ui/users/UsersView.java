package io.posture.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.posture.ui.Notices;
import io.posture.security.Role;
import io.posture.security.Roles;
import io.posture.security.UserAdministration;
import io.posture.security.UserAdministration.Account;
import io.posture.ui.Formats;
import io.posture.ui.MainLayout;
import io.posture.ui.PageHeader;
import jakarta.annotation.security.RolesAllowed;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

@RolesAllowed(Roles.ADMIN)
@Route(value = "users", layout = MainLayout.class)
@PageTitle("Users · Posture")
class UsersView extends VerticalLayout {

    private final UserAdministration users;
    private final Grid<Account> grid = new Grid<>();
    private final Div editor = new Div();

    UsersView(UserAdministration users) {
        this.users = users;
        addClassName("page");
        add(new PageHeader("Users", "Accounts that sign in with a password. Roles are not ranked: give each person what their work needs. Every change is in the audit log."));
        grid.addColumn(Account::username).setHeader("User name");
        grid.addColumn(Account::displayName).setHeader("Name");
        grid.addColumn(account -> roleLabels(account.roles())).setHeader("Roles").setFlexGrow(2);
        grid.addColumn(UsersView::state).setHeader("State");
        grid.setItemsPageable(pageable -> users.accounts(pageable).getContent());
        grid.addClassName("clickable");
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(click -> edit(click.getItem()));
        editor.addClassName("user-editor");
        add(grid, editor, new H2("New user"), newUserForm());
    }

    private void edit(Account account) {
        editor.removeAll();
        var roles = roleChoice();
        roles.setValue(account.roles());
        var saveRoles = new Button("Save roles", click -> act(() -> users.changeRoles(account.username(), roles.getValue()),
                "Roles of " + account.username() + " saved"));
        var toggle = new Button(account.enabled() ? "Disable" : "Enable", click -> act(
                () -> users.setEnabled(account.username(), !account.enabled()),
                account.username() + (account.enabled() ? " disabled" : " enabled")));
        var password = new PasswordField("New password");
        password.setHelperText("At least 12 characters; tell the user over a separate channel");
        var setPassword = new Button("Set password", click -> act(() -> users.resetPassword(account.username(), password.getValue()),
                "Password of " + account.username() + " set"));
        var actions = new HorizontalLayout(saveRoles, toggle);
        if (account.lockedUntil() != null) {
            actions.add(new Button("Unlock", click -> act(() -> users.unlock(account.username()), account.username() + " unlocked")));
        }
        var passwordRow = new HorizontalLayout(password, setPassword);
        passwordRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        editor.add(new H2("Edit " + account.username()), roles, actions, passwordRow);
    }

    private VerticalLayout newUserForm() {
        var username = new TextField("User name");
        var displayName = new TextField("Name");
        var password = new PasswordField("Initial password");
        password.setHelperText("At least 12 characters");
        var roles = roleChoice();
        roles.setValue(Set.of(Role.VIEWER));
        var create = new Button("Create user", click -> act(() -> {
            users.create(username.getValue(), displayName.getValue(), password.getValue(), roles.getValue());
            username.clear();
            displayName.clear();
            password.clear();
        }, "User created"));
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var fields = new HorizontalLayout(username, displayName, password);
        fields.setWrap(true);
        var form = new VerticalLayout(fields, roles, create);
        form.setPadding(false);
        return form;
    }

    private void act(Runnable change, String success) {
        if (Notices.attempt(change)) {
            Notices.success(success);
            editor.removeAll();
            grid.getDataProvider().refreshAll();
        }
    }

    private static CheckboxGroup<Role> roleChoice() {
        var roles = new CheckboxGroup<Role>("Roles");
        roles.setItems(EnumSet.allOf(Role.class));
        roles.setItemLabelGenerator(role -> roleLabels(Set.of(role)));
        return roles;
    }

    private static String roleLabels(Set<Role> roles) {
        return String.join(", ", roles.stream().sorted().map(role -> role.name().toLowerCase(Locale.ROOT).replace('_', ' ')).toList());
    }

    private static String state(Account account) {
        if (account.lockedUntil() != null) {
            return "locked until " + Formats.time(account.lockedUntil());
        }
        return (account.enabled() ? "enabled" : "disabled") + (account.demo() ? " · demo account" : "");
    }
}
