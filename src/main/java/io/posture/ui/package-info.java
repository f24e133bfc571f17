/**
 * The Vaadin UI: one package per page, views package-private and thin (they call the other
 * modules' query services and get records back). Every drill-down state is in the URL.
 */
@org.springframework.modulith.ApplicationModule(displayName = "UI")
package io.posture.ui;
