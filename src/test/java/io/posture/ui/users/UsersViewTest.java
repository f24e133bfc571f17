package io.posture.ui.users;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import io.posture.security.Role;
import io.posture.security.Roles;
import io.posture.security.UserAdministration.Account;
import io.posture.security.UserDirectory;
import io.posture.ui.DemoEstateViewTest;
import io.posture.ui.Navigation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTest extends DemoEstateViewTest {

    @Autowired
    UserDirectory directory;

    @Test
    @WithMockUser(username = "admin", roles = Roles.ADMIN)
    void anAdministratorCreatesAUserAndGivesThemAnotherRole() {
        navigate(Navigation.users(), UsersView.class);
        test($(TextField.class).withCaption("User name").single()).setValue("ui.created");
        test($(PasswordField.class).withCaption("Initial password").single()).setValue("a long initial password");
        test($(Button.class).withText("Create user").single()).click();
        assertThat(directory.loadUserByUsername("ui.created").getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_VIEWER");

        @SuppressWarnings("unchecked")
        Grid<Account> grid = $(Grid.class).single();
        var row = java.util.stream.IntStream.range(0, test(grid).size())
                .filter(index -> test(grid).getRow(index).username().equals("ui.created")).findFirst().orElseThrow();
        test(grid).clickRow(row);
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = $(CheckboxGroup.class).first();
        roles.setValue(Set.of(Role.ENGINEER));
        test($(Button.class).withText("Save roles").single()).click();

        assertThat(directory.loadUserByUsername("ui.created").getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("ROLE_ENGINEER");
    }

    @Test
    @WithMockUser(username = "mike", roles = Roles.SECURITY_MANAGER)
    void otherRolesCannotOpenTheUsersPage() {
        Navigation.go(Navigation.users());

        assertThat(getCurrentView()).isNotInstanceOf(UsersView.class);
        assertThat($(Button.class).withText("Create user").exists()).isFalse();
    }
}
