package dev.ficus.magento.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.error.MagentoException;
import dev.ficus.magento.auth.UserType;
import io.vertx.core.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/** POST /V1/integration/admin/token and /V1/integration/customer/token: credentials in, a bearer token (a JSON string) out. */
final class TokenRoutes {
    private TokenRoutes() {
    }

    static List<Route> routes(StandInServices s) {
        return List.of(
                new Route(HttpMethod.POST, "/integration/admin/token", Access.anonymous(), (call, c) -> {
                    String[] credentials = credentials(call.body());
                    boolean userOk = constantTimeEquals(credentials[0], s.config().adminUser());
                    boolean passwordOk = constantTimeEquals(credentials[1], s.config().adminPassword().reveal());
                    if (!(userOk && passwordOk)) {
                        throw new MagentoException(MagentoError.invalidLogin());
                    }
                    return s.tokens().issue(UserType.ADMIN, 1, s.config().adminTokenLifetime());
                }),
                new Route(HttpMethod.POST, "/integration/customer/token", Access.anonymous(), (call, c) -> {
                    String[] credentials = credentials(call.body());
                    long customerId = s.customers().authenticate(c, credentials[0], credentials[1])
                            .orElseThrow(() -> new MagentoException(MagentoError.invalidLogin()));
                    return s.tokens().issue(UserType.CUSTOMER, customerId, s.config().customerTokenLifetime());
                }));
    }

    /** CredentialsValidator: both fields required, reported together when both are missing. */
    private static String[] credentials(JsonNode body) {
        String user = body.path("username").isValueNode() ? body.path("username").asText() : "";
        String password = body.path("password").isValueNode() ? body.path("password").asText() : "";
        List<MagentoError> errors = new ArrayList<>();
        if (user.isEmpty()) {
            errors.add(MagentoError.requiredField("username"));
        }
        if (password.isEmpty()) {
            errors.add(MagentoError.requiredField("password"));
        }
        if (!errors.isEmpty()) {
            throw new MagentoException(MagentoError.inputErrors(errors));
        }
        return new String[] {user, password};
    }

    private static boolean constantTimeEquals(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
