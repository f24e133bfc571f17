package io.posture.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import io.posture.security.Roles;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.test.context.support.WithMockUser;


/**
 * Base of the browserless view tests: a Spring context with the demo estate from sample-data
 * loaded, shared by all view tests through Spring's context cache; a viewer is signed in unless a
 * test says otherwise.
 */
@SpringBootTest(properties = "posture.demo.enabled=true")
@WithMockUser(username = "viewer", roles = Roles.VIEWER)
@ViewPackages(packages = "io.posture.ui")
public abstract class DemoEstateViewTest extends SpringBrowserlessTest {

}
