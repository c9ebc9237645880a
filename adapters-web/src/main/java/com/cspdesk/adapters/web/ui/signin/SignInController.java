package com.cspdesk.adapters.web.ui.signin;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.publicurl.PublicUrl;
import com.cspdesk.adapters.web.ui.shared.LocalPaths;
import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.TokenIssuer;
import com.cspdesk.adapters.web.signin.LoggedNames;
import com.cspdesk.adapters.web.clientaddress.ClientAddresses;
import com.cspdesk.application.identity.port.in.AuthenticateUser;
import com.cspdesk.application.identity.port.in.CompleteSignIn;
import com.cspdesk.application.identity.port.in.EndSessions;
import com.cspdesk.application.identity.port.in.SignedInUser;
import com.cspdesk.application.identity.port.in.AuthenticateUser.SignInOutcome;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Signing in to the dashboard: the form posts the username and password, which are checked by the
 * same sign-in use case as {@code POST /login}; the session is the JWT that login would hand out
 * (same claims, same lifetime, same key), set as the {@link SessionCookie}. Signing out clears it
 * and ends the user's sessions: the cookie's token is refused from then on, wherever it was copied to.
 * That ends the user's other sessions too (the API's tokens, other browsers): one number per user,
 * no list of revoked token ids to keep and expire, and the same check as "sign out everywhere".
 * A user with a second factor gets a second step after the password: the same page asks for a code,
 * carrying the sealed {@code mfaToken} in a hidden field, and {@code POST /ui/login/mfa} finishes it.
 */
@Hidden
@Controller("/ui")
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
class SignInController {

    static final String PATH = UiUrls.SIGN_IN;
    private static final Logger LOG = LoggerFactory.getLogger(SignInController.class);

    private final AuthenticateUser authenticateUser;
    private final CompleteSignIn completeSignIn;
    private final EndSessions endSessions;
    private final TokenIssuer tokens;
    private final UiPages pages;
    private final PublicUrl publicUrl;
    private final boolean sandbox;
    private final List<DemoSignIns.DemoSignIn> demoUsers;

    SignInController(AuthenticateUser authenticateUser, CompleteSignIn completeSignIn, EndSessions endSessions, TokenIssuer tokens,
                     UiPages pages, PublicUrl publicUrl, @Value("${cspdesk.sandbox.enabled:false}") boolean sandbox,
                     @Nullable DemoSignIns demoSignIns) {
        this.authenticateUser = authenticateUser;
        this.completeSignIn = completeSignIn;
        this.endSessions = endSessions;
        this.tokens = tokens;
        this.pages = pages;
        this.publicUrl = publicUrl;
        this.sandbox = sandbox;
        this.demoUsers = sandbox && demoSignIns != null ? List.copyOf(demoSignIns.users()) : List.of();
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> form(HttpRequest<?> request, @Nullable @QueryValue String next, @Nullable @QueryValue String signedOut,
                         @Nullable @QueryValue String mfaOn) {
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "login.title");
        model.put("next", LocalPaths.orElse(next, ""));
        model.put("signedOut", signedOut != null);
        model.put("mfaOn", mfaOn != null);
        model.put("sandbox", sandbox);
        model.put("demoUsers", demoUsers);
        return pages.page(request, "login", model);
    }

    @Post("/login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signIn(HttpRequest<?> request, @Body SignInForm form) {
        String username = form.username() == null ? "" : form.username().strip();
        SignInOutcome outcome = username.isEmpty() || form.password() == null || form.password().isEmpty()
                ? new AuthenticateUser.Refused()
                : authenticateUser.signIn(new AuthenticateUser.Credentials(username, form.password()),
                        ClientAddresses.of(request));
        if (outcome instanceof AuthenticateUser.SignedIn signedIn) {
            Optional<HttpResponse<?>> session = session(request, signedIn.user(), form.next());
            if (session.isPresent()) {
                return session.get();
            }
        }
        if (outcome instanceof AuthenticateUser.MfaRequired mfa) {
            return secondStep(request, HttpStatus.OK, mfa.mfaToken(), form.next(), false);
        }
        LOG.info("Dashboard sign-in refused for '{}'", LoggedNames.of(username));
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "login.title");
        model.put("next", LocalPaths.orElse(form.next(), ""));
        model.put("failed", true);
        model.put("sandbox", sandbox);
        model.put("demoUsers", demoUsers);
        model.put("username", username.length() > 128 ? "" : username);
        HttpStatus status = HttpStatus.UNAUTHORIZED;
        if (outcome instanceof AuthenticateUser.TooManyAttempts throttled) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            model.put("retryAfterSeconds", throttled.retryAfterSeconds());
        }
        return pages.render(request, status, "login", model);
    }

    /** The second step: the sealed token of the first (hidden) and a code. */
    @Post("/login/mfa")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> secondStep(HttpRequest<?> request, @Body SecondStepForm form) {
        CompleteSignIn.SecondStepOutcome outcome = completeSignIn.complete(form.mfaToken(), form.code(), ClientAddresses.of(request));
        if (outcome instanceof CompleteSignIn.Passed passed) {
            Optional<HttpResponse<?>> session = session(request, passed.user(), form.next());
            if (session.isPresent()) {
                return session.get();
            }
        }
        if (outcome instanceof CompleteSignIn.WrongCode) {
            return secondStep(request, HttpStatus.UNAUTHORIZED, form.mfaToken(), form.next(), true);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "login.title");
        model.put("next", LocalPaths.orElse(form.next(), ""));
        model.put("mfaExpired", true);
        model.put("sandbox", sandbox);
        model.put("demoUsers", demoUsers);
        return pages.render(request, HttpStatus.UNAUTHORIZED, "login", model);
    }

    private HttpResponse<?> secondStep(HttpRequest<?> request, HttpStatus status, String mfaToken, @Nullable String next,
                                       boolean failed) {
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "login.title");
        model.put("next", LocalPaths.orElse(next, ""));
        model.put("mfaToken", mfaToken);
        model.put("mfaFailed", failed);
        return UiPages.noStore(pages.render(request, status, "login", model));
    }

    /** The session cookie of a signed-in user, and on to where it was going; empty if no token could be made. */
    private Optional<HttpResponse<?>> session(HttpRequest<?> request, SignedInUser user, @Nullable String next) {
        return tokens.issue(user).map(jwt -> UiPages.redirect(request, LocalPaths.orElse(next, UiUrls.HOME))
                .cookie(SessionCookie.of(jwt, tokens.lifetime(), publicUrl.isHttps(request))));
    }

    @Post("/logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<?> signOut(HttpRequest<?> request, @Nullable Authentication caller) {
        // Without a valid session there is nothing to end; the cookie is cleared either way.
        if (caller != null) {
            endSessions.endSessionsOf(Actors.of(caller));
        }
        return UiPages.redirect(request, PATH + "?signedOut=1").cookie(SessionCookie.cleared(publicUrl.isHttps(request)));
    }

    @Serdeable
    record SecondStepForm(@Nullable String mfaToken, @Nullable String code, @Nullable String next,
                          @Nullable String csrfToken) {
        @Override
        public String toString() {
            return "SecondStepForm[mfaToken=***, code=***]";
        }
    }

    @Serdeable
    record SignInForm(@Nullable String username, @Nullable String password, @Nullable String next,
                      @Nullable String csrfToken) {
        @Override
        public String toString() {
            return "SignInForm[username=" + username + ", password=***]";
        }
    }
}
