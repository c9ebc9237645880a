package com.cspdesk.adapters.web.me;

import com.cspdesk.adapters.web.apidoc.NeedsToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.ForUsersOnly;
import com.cspdesk.adapters.web.security.OpenDuringEnrolment;
import com.cspdesk.application.identity.port.in.EndSessions;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

/**
 * {@code POST /v1/me/signout-everywhere}: every token of the caller, this one included, is refused
 * from now on (at once on this instance, within seconds on the others); signing in again works.
 * Any signed-in caller may end their own sessions. Repeating it is harmless, so it needs no
 * {@code MS-RequestId}: the repeat arrives with a token that no longer counts and gets 401.
 */
@Tag(name = "sign-in")
@Controller("/v1/me")
@ExecuteOn(TaskExecutors.BLOCKING)
class SignOutEverywhereController {

    private final EndSessions endSessions;

    SignOutEverywhereController(EndSessions endSessions) {
        this.endSessions = endSessions;
    }

    @Operation(summary = "Ends every session of the caller, this one included")
    @NeedsToken
    @ApiResponse(responseCode = "204", description = "Every token of the caller is refused from now on")
    @Post("/signout-everywhere")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @OpenDuringEnrolment
    @ForUsersOnly
    HttpResponse<?> signOutEverywhere(Authentication caller) {
        endSessions.endSessionsOf(Actors.of(caller));
        return HttpResponse.noContent();
    }
}
