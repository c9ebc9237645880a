package com.cspdesk.adapters.web.applications;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.clientaddress.ClientAddresses;
import com.cspdesk.adapters.web.security.TokenIssuer;
import com.cspdesk.adapters.web.signin.LoggedNames;
import com.cspdesk.application.identity.port.in.GrantApplicationToken;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code POST /oauth2/token}: OAuth 2.0's client-credentials grant (RFC 6749 §4.4) for registered
 * applications. Form-encoded {@code grant_type=client_credentials}, the client authenticated either by
 * {@code client_id} and {@code client_secret} in the body or by HTTP Basic (RFC 6749 §2.3.1: each part
 * form-encoded, then Base64) — not both. The answer is {@code {access_token, token_type: "Bearer",
 * expires_in}} with {@code Cache-Control: no-store}; refusals are RFC 6749 §5.2's JSON
 * ({@code error}, an ASCII {@code error_description}): {@code invalid_request} and
 * {@code unsupported_grant_type} 400, {@code invalid_client} 401 (with {@code WWW-Authenticate: Basic}
 * when Basic was tried), and, while the client id or the address is in back-off, 429 with
 * {@code Retry-After}. Open to anyone: the client authentication is the credential. The secret never
 * reaches a log line; the client id does, sanitised.
 */
@Tag(name = "sign-in")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class TokenGrantController {

    private static final Logger LOG = LoggerFactory.getLogger(TokenGrantController.class);
    static final String CLIENT_CREDENTIALS = "client_credentials";
    private static final String BASIC = "basic ";

    private final GrantApplicationToken grantToken;
    private final TokenIssuer tokens;

    TokenGrantController(GrantApplicationToken grantToken, TokenIssuer tokens) {
        this.grantToken = grantToken;
        this.tokens = tokens;
    }

    @Operation(summary = "An application's token: the OAuth 2.0 client credentials grant (the form or HTTP Basic)")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_FORM_URLENCODED, examples = @ExampleObject(value = """
            {"grant_type": "client_credentials", "client_id": "app-id", "client_secret": "the secret shown once"}""")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @ApiResponse(responseCode = "400", description = "invalid_request or unsupported_grant_type (RFC 6749)",
            content = @Content(schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "401", description = "invalid_client (RFC 6749)", content = @Content(schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "429", description = "too_many_attempts, with Retry-After", content = @Content(schema = @Schema(implementation = TokenError.class)))
    @ApiResponse(responseCode = "503", ref = ApiDoc.SERVICE_UNAVAILABLE)
    @Post("/oauth2/token")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> token(HttpRequest<?> request, @Nullable @Body TokenRequest body) {
        TokenRequest form = body == null ? new TokenRequest(null, null, null, null) : body;
        Optional<String> authorization = request.getHeaders().getAuthorization();
        boolean basic = authorization.filter(value -> value.toLowerCase(Locale.ROOT).startsWith(BASIC)).isPresent();
        if (form.grant_type() == null || form.grant_type().isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required.", false);
        }
        if (!CLIENT_CREDENTIALS.equals(form.grant_type())) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only client_credentials is supported.", false);
        }
        if (basic && (form.client_id() != null || form.client_secret() != null)) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request", "Authenticate the client one way only: HTTP Basic or the body.", false);
        }
        Optional<String[]> credentials = basic ? basicCredentials(authorization.get())
                : Optional.of(new String[]{form.client_id(), form.client_secret()});
        if (credentials.isEmpty() || credentials.get()[0] == null || credentials.get()[1] == null
                || credentials.get()[0].isBlank() || credentials.get()[1].isEmpty()) {
            return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication is missing or malformed.", basic);
        }
        String clientId = credentials.get()[0].strip();
        GrantApplicationToken.GrantOutcome outcome = grantToken.grant(clientId, credentials.get()[1], ClientAddresses.of(request));
        if (outcome instanceof GrantApplicationToken.Granted granted) {
            return tokens.issue(granted.caller())
                    .<HttpResponse<?>>map(token -> noStore(HttpResponse.ok(new TokenResponse(token, "Bearer",
                            tokens.lifetime().toSeconds()))))
                    .orElseGet(() -> error(HttpStatus.INTERNAL_SERVER_ERROR, "server_error", "The token could not be signed.", false));
        }
        if (outcome instanceof GrantApplicationToken.TooManyAttempts throttled) {
            long seconds = throttled.retryAfterSeconds();
            // DEBUG: a flood of throttled attempts must not become a flood of log lines (the activity log has the lock-out).
            LOG.debug("Token grant throttled for client '{}' ({} s)", LoggedNames.of(clientId), seconds);
            return error(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts",
                    "Too many failed attempts for this client or from this address. Retry after " + seconds + " seconds.", false)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        LOG.info("Token grant refused for client '{}'", LoggedNames.of(clientId));
        return error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication failed.", basic);
    }

    /** {@code Basic base64(urlencode(id) ":" urlencode(secret))}; empty when it cannot be read. */
    static Optional<String[]> basicCredentials(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            return Optional.of(new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)});
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static MutableHttpResponse<?> error(HttpStatus status, String error, String description, boolean basic) {
        MutableHttpResponse<?> response = noStore(HttpResponse.status(status).body(new TokenError(error, description)))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        if (basic && status == HttpStatus.UNAUTHORIZED) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"cspdesk\", charset=\"UTF-8\"");
        }
        return response;
    }

    private static MutableHttpResponse<?> noStore(MutableHttpResponse<?> response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.PRAGMA, "no-cache");
    }

    /** The form's fields, named as RFC 6749 names them. The secret never appears in {@link #toString()}. */
    @Serdeable
    @SuppressWarnings("checkstyle:RecordComponentName")
    record TokenRequest(@Nullable String grant_type, @Nullable String client_id, @Nullable String client_secret,
                        @Nullable String scope) {
        @Override
        public String toString() {
            return "TokenRequest[grant_type=" + grant_type + ", client_id=" + client_id + ", client_secret=***]";
        }
    }

    /** RFC 6749 §5.1. */
    @Serdeable
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
        @Override
        public String toString() {
            return "TokenResponse[access_token=***, expires_in=" + expiresIn + "]";
        }
    }

    /** RFC 6749 §5.2. */
    @Serdeable
    record TokenError(String error, @JsonProperty("error_description") String errorDescription) {
    }
}
