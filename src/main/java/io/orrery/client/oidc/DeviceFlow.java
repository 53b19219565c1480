package io.orrery.client.oidc;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/**
 * The device authorization grant (RFC 8628), for a terminal or a remote machine: the provider gives a code the user
 * types (or a link that carries it) on any device, while this program polls the token endpoint, waiting
 * {@code interval} between polls and 5 s more on each {@code slow_down}, until the user has said yes
 * ({@code authorization_pending} meanwhile), said no ({@code access_denied}) or let the code expire.
 */
public final class DeviceFlow {
    /** What the user is shown: where to go and the code to type there. */
    public record Prompt(String verificationUri, String verificationUriComplete, String userCode, Duration expiresIn) {}

    private final IssuerClient client;
    private final String deviceCode;
    private final Prompt prompt;
    private final Instant deadline;
    private final CountDownLatch cancelled = new CountDownLatch(1);
    private Duration interval;

    private DeviceFlow(IssuerClient client, JsonNode answer) {
        this.client = client;
        this.deviceCode = answer.path("device_code").asString(null);
        String uri = answer.path("verification_uri").asString(answer.path("verification_url").asString(null));
        if (deviceCode == null || uri == null || !answer.has("user_code")) {
            throw new OidcException(client.settings().issuer() + " answered the device authorization without a"
                    + " device code, user code or verification address", false);
        }
        Duration expires = Duration.ofSeconds(answer.path("expires_in").asLong(600));
        this.prompt = new Prompt(uri, answer.path("verification_uri_complete").asString(null),
                answer.get("user_code").asString(), expires);
        this.deadline = Instant.now().plus(expires);
        this.interval = Duration.ofSeconds(Math.max(1, answer.path("interval").asLong(5)));
    }

    /** Asks the provider for a device code (network: call it off the window's thread). */
    public static DeviceFlow start(IssuerClient client) {
        Discovery d = client.discovery();
        if (d.deviceEndpoint() == null) {
            throw new OidcException(client.settings().issuer() + " offers no device authorization: sign in with"
                    + " --browser", false);
        }
        return new DeviceFlow(client, client.post(d.deviceEndpoint(), SignIn.scopeAndResource(client),
                "the device authorization"));
    }

    public Prompt prompt() {
        return prompt;
    }

    /** Polls until the user has answered; the sign-in's tokens, or an {@link OidcException} saying why not. */
    public TokenSet await() {
        while (true) {
            if (Instant.now().plus(interval).isAfter(deadline)) {
                throw new OidcException("the code " + prompt.userCode() + " expired before it was entered", false);
            }
            try {
                if (cancelled.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new OidcException("sign-in cancelled", false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OidcException("sign-in cancelled", false);
            }
            try {
                return client.token(SignIn.with(client, "grant_type", Discovery.DEVICE_CODE, "device_code",
                        deviceCode), "the device code", null);
            } catch (IssuerClient.OAuthError e) {
                switch (e.code()) {
                    case "authorization_pending" -> { }
                    case "slow_down" -> interval = interval.plusSeconds(5);
                    case "access_denied" -> throw new OidcException("the sign-in was refused at "
                            + prompt.verificationUri(), false);
                    case "expired_token" -> throw new OidcException("the code " + prompt.userCode()
                            + " expired before it was entered", false);
                    default -> throw new OidcException(client.settings().issuer() + " refused the sign-in ("
                            + e.getMessage() + ")", false);
                }
            }
        }
    }

    /** Stops {@link #await()} (from any thread). */
    public void cancel() {
        cancelled.countDown();
    }
}
