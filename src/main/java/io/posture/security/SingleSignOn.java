package io.posture.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The OpenID Connect providers configured under {@code spring.security.oauth2.client.registration.*}, for the login page. */
@Component
public class SingleSignOn {

    private final List<Provider> providers = new ArrayList<>();

    SingleSignOn(ObjectProvider<ClientRegistrationRepository> registrations) {
        registrations.ifAvailable(repository -> {
            if (repository instanceof Iterable<?> all) {
                all.forEach(registration -> {
                    var client = (ClientRegistration) registration;
                    providers.add(new Provider(client.getClientName(), "oauth2/authorization/" + client.getRegistrationId()));
                });
            }
        });
    }

    public List<Provider> providers() {
        return List.copyOf(providers);
    }

    /** A provider's display name and the path that starts signing in with it. */
    public record Provider(String name, String path) {
    }
}
