package com.cspdesk.adapters.web.signin;

import com.cspdesk.adapters.web.clientaddress.ClientAddresses;
import com.cspdesk.adapters.web.problem.Problem;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.TokenIssuer;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignInOutcome;
import com.cspdesk.application.identity.port.in.CompleteSignIn;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * {@code POST /login}: a username and password (JSON or form) for a bearer token, in the shape
 * Micronaut Security's own login endpoint answers (which this replaces, so that a throttled or
 * second-factor answer can be told apart): {@code access_token}, {@code token_type},
 * {@code expires_in}, {@code username}, {@code roles}. Refusals are problem+json: 401
 * {@code invalid_credentials}, 429 {@code too_many_attempts} with {@code Retry-After}, 401
 * {@code mfa_required} with an {@code mfaToken}. Runs off the event loop: password hashing is slow
 * on purpose.
 */
@Controller
@Tag(name = "sign-in")
@ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoginController.BearerToken.class)))
@ApiResponse(responseCode = "401", description = "invalid_credentials, mfa_required (with mfaToken), invalid_mfa_code or "
        + "mfa_token_invalid", content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@ApiResponse(responseCode = "429", ref = ApiDoc.TOO_MANY_REQUESTS)
@ApiResponse(responseCode = "503", ref = ApiDoc.SERVICE_UNAVAILABLE)
@ExecuteOn(TaskExecutors.BLOCKING)
class LoginController {

    private static final Logger LOG = LoggerFactory.getLogger(LoginController.class);

    private final AuthenticateUser authenticateUser;
    private final CompleteSignIn completeSignIn;
    private final TokenIssuer tokens;
    private final Problems problems;

    LoginController(AuthenticateUser authenticateUser, CompleteSignIn completeSignIn, TokenIssuer tokens, Problems problems) {
        this.authenticateUser = authenticateUser;
        this.completeSignIn = completeSignIn;
        this.tokens = tokens;
        this.problems = problems;
    }

    @Operation(summary = "Signs a user in: a bearer token, or 401 mfa_required with the token for the second step")
    @RequestBody(content = @Content(examples = @ExampleObject(
            value = "{\"username\": \"admin.agent@partner.demo\", \"password\": \"Demo-Passw0rd!\"}")))
    @Post("/login")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> login(HttpRequest<?> request, @Nullable @Body LoginRequest body) {
        String username = body == null || body.username() == null ? "" : body.username().strip();
        String password = body == null ? null : body.password();
        SignInOutcome outcome = authenticateUser.signIn(new AuthenticateUser.Credentials(username, password),
                ClientAddresses.of(request));
        return answer(request, username, outcome);
    }

    /**
     * The second step: the {@code mfaToken} of the 401 {@code mfa_required} and a code from the
     * authenticator app or a recovery code. A wrong code is 401 {@code invalid_mfa_code} (five per
     * token); an expired, forged or used-up token 401 {@code mfa_token_invalid}.
     */
    @Operation(summary = "The second step: the mfaToken of 401 mfa_required and a code (or a recovery code)")
    @Post("/login/mfa")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED})
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> secondStep(HttpRequest<?> request, @Nullable @Body SecondStepRequest body) {
        CompleteSignIn.SecondStepOutcome outcome = completeSignIn.complete(body == null ? null : body.mfaToken(),
                body == null ? null : body.code(), ClientAddresses.of(request));
        if (outcome instanceof CompleteSignIn.Passed passed) {
            return answer(request, passed.user().username().value(), new AuthenticateUser.SignedIn(passed.user()));
        }
        if (outcome instanceof CompleteSignIn.WrongCode) {
            LOG.info("Second sign-in step refused: wrong code");
            return problems.respond(request, HttpStatus.UNAUTHORIZED, "invalid_mfa_code");
        }
        return problems.respond(request, HttpStatus.UNAUTHORIZED, "mfa_token_invalid");
    }

    /** The answer to a sign-in outcome, shared by the password and the second-factor step. */
    HttpResponse<?> answer(HttpRequest<?> request, String username, SignInOutcome outcome) {
        if (outcome instanceof AuthenticateUser.SignedIn signedIn) {
            return tokens.issue(signedIn.user())
                    .<HttpResponse<?>>map(token -> HttpResponse.ok(BearerToken.of(signedIn.user(), token, tokens)))
                    .orElseGet(() -> problems.respond(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error"));
        }
        if (outcome instanceof AuthenticateUser.TooManyAttempts throttled) {
            long seconds = throttled.retryAfterSeconds();
            // DEBUG: a flood of throttled attempts must not become a flood of log lines (the activity log has the lock-out).
            LOG.debug("Sign-in throttled for '{}' ({} s)", LoggedNames.of(username), seconds);
            return problems.respond(request, HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", seconds)
                    .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        }
        if (outcome instanceof AuthenticateUser.MfaRequired mfa) {
            Problem problem = problems.problem(request, HttpStatus.UNAUTHORIZED, "mfa_required", List.of())
                    .withMfaToken(mfa.mfaToken());
            return problems.respond(request, problem);
        }
        // The username is logged sanitised; the password never is.
        LOG.info("Sign-in refused for '{}'", LoggedNames.of(username));
        return problems.respond(request, HttpStatus.UNAUTHORIZED, "invalid_credentials");
    }

    @Serdeable
    record LoginRequest(@Nullable String username, @Nullable String password) {
        @Override
        public String toString() {
            return "LoginRequest[username=" + username + ", password=***]";
        }
    }

    @Serdeable
    record SecondStepRequest(@Nullable String mfaToken, @Nullable String code) {
        @Override
        public String toString() {
            return "SecondStepRequest[mfaToken=***, code=***]";
        }
    }

    /** Micronaut Security's login answer, field for field, so existing clients keep working. */
    @Serdeable
    record BearerToken(String username, List<String> roles,
                       @JsonProperty("access_token") String accessToken,
                       @JsonProperty("token_type") String tokenType,
                       @JsonProperty("expires_in") long expiresIn) {

        static BearerToken of(SignedInUser user, String token, TokenIssuer tokens) {
            return new BearerToken(user.username().value(), TokenIssuer.roleNames(user), token, "Bearer",
                    tokens.lifetime().toSeconds());
        }

        @Override
        public String toString() {
            return "BearerToken[username=" + username + ", access_token=***]";
        }
    }
}
