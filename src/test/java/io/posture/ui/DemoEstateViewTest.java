package io.posture.ui;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import org.springframework.boot.test.context.SpringBootTest;


/**
 * Base of the browserless view tests: a Spring context with the demo estate from sample-data
 * loaded, shared by all view tests through Spring's context cache.
 */
@SpringBootTest(properties = "posture.demo.enabled=true")
@ViewPackages(packages = "io.posture.ui")
public abstract class DemoEstateViewTest extends SpringBrowserlessTest {

}
