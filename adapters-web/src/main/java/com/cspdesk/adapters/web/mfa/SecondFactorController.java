package com.cspdesk.adapters.web.mfa;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.api.Answers;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.ForUsersOnly;
import com.cspdesk.adapters.web.security.OpenDuringEnrolment;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.application.identity.port.in.ConfirmSecondFactor;
import com.cspdesk.application.identity.port.in.EnrolSecondFactor;
import com.cspdesk.application.identity.port.in.ResetSecondFactor;
import com.cspdesk.application.identity.port.in.ViewSecondFactor;
import com.cspdesk.domain.access.Permission;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The caller's own second factor — {@code GET /v1/me/mfa}, {@code POST /v1/me/mfa/totp} (enrol:
 * the secret, its {@code otpauth://} URI and ten recovery codes, shown this once),
 * {@code POST /v1/me/mfa/totp/confirm {"code"}} — open to a token that may only enrol; and an admin's
 * {@code DELETE /v1/users/{username}/mfa}. The answers are never stored for replay: they hold secrets.
 */
@Tag(name = "sign-in")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class SecondFactorController {

    private final ViewSecondFactor viewSecondFactor;
    private final EnrolSecondFactor enrolSecondFactor;
    private final ConfirmSecondFactor confirmSecondFactor;
    private final ResetSecondFactor resetSecondFactor;
    private final Problems problems;
    private final Answers answers;

    SecondFactorController(ViewSecondFactor viewSecondFactor, EnrolSecondFactor enrolSecondFactor,
                           ConfirmSecondFactor confirmSecondFactor, ResetSecondFactor resetSecondFactor, Problems problems,
                           Answers answers) {
        this.viewSecondFactor = viewSecondFactor;
        this.enrolSecondFactor = enrolSecondFactor;
        this.confirmSecondFactor = confirmSecondFactor;
        this.resetSecondFactor = resetSecondFactor;
        this.problems = problems;
        this.answers = answers;
    }

    @Operation(summary = "Whether the caller has a second factor and must have one")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SecondFactorController.StatusResponse.class)))
    @Get("/v1/me/mfa")
    @RequiresPermission(Permission.MANAGE_OWN_MFA)
    @OpenDuringEnrolment
    @ForUsersOnly
    HttpResponse<?> status(HttpRequest<?> request, Authentication caller) {
        return answers.of(request, caller, viewSecondFactor.status(Actors.of(caller)), status -> HttpResponse.ok(
                new StatusResponse(status.enrolled(), status.required(), status.recoveryCodesLeft())));
    }

    @Operation(summary = "Starts enrolling an authenticator app: its secret, otpauth URI and recovery codes")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = SecondFactorController.EnrolmentResponse.class)))
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Post("/v1/me/mfa/totp")
    @RequiresPermission(Permission.MANAGE_OWN_MFA)
    @OpenDuringEnrolment
    @ForUsersOnly
    HttpResponse<?> enrol(HttpRequest<?> request, Authentication caller) {
        EnrolSecondFactor.EnrolOutcome outcome = enrolSecondFactor.enrol(Actors.of(caller));
        if (outcome instanceof EnrolSecondFactor.Enrolment enrolment) {
            return HttpResponse.created(new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri(),
                    enrolment.recoveryCodes()));
        }
        if (outcome instanceof EnrolSecondFactor.AlreadyEnrolled) {
            return problems.respond(request, HttpStatus.CONFLICT, "mfa_already_enrolled");
        }
        return Refusals.notPermitted(caller);
    }

    @Operation(summary = "Confirms the enrolment with a code from the app")
    @ApiResponse(responseCode = "204", description = "Enrolled")
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @ApiResponse(responseCode = "422", ref = ApiDoc.UNPROCESSABLE)
    @Post("/v1/me/mfa/totp/confirm")
    @RequiresPermission(Permission.MANAGE_OWN_MFA)
    @OpenDuringEnrolment
    @ForUsersOnly
    HttpResponse<?> confirm(HttpRequest<?> request, Authentication caller, @Nullable @Body CodeRequest body) {
        ConfirmSecondFactor.ConfirmOutcome outcome = confirmSecondFactor.confirm(Actors.of(caller),
                body == null ? null : body.code());
        if (outcome instanceof ConfirmSecondFactor.Confirmed) {
            return HttpResponse.noContent();
        }
        if (outcome instanceof ConfirmSecondFactor.WrongCode) {
            return problems.respond(request, HttpStatus.UNPROCESSABLE_ENTITY, "invalid_mfa_code");
        }
        if (outcome instanceof ConfirmSecondFactor.NothingToConfirm) {
            return problems.respond(request, HttpStatus.CONFLICT, "mfa_not_enrolling");
        }
        return Refusals.notPermitted(caller);
    }

    @Operation(summary = "Removes a user's second factor (an admin's reset)")
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(responseCode = "404", ref = ApiDoc.NOT_FOUND)
    @Delete("/v1/users/{username}/mfa")
    @RequiresPermission(Permission.RESET_MFA)
    HttpResponse<?> reset(HttpRequest<?> request, Authentication caller, @PathVariable String username) {
        ResetSecondFactor.ResetOutcome outcome = resetSecondFactor.reset(Actors.of(caller), username);
        if (outcome instanceof ResetSecondFactor.Reset) {
            return HttpResponse.noContent();
        }
        if (outcome instanceof ResetSecondFactor.NotFound) {
            return problems.respond(request, HttpStatus.NOT_FOUND, "mfa_not_found");
        }
        return Refusals.notPermitted(caller);
    }

    @Serdeable
    record StatusResponse(boolean enrolled, boolean required, int recoveryCodesLeft) {
    }

    /** Secrets: never printed. */
    @Serdeable
    record EnrolmentResponse(String secret, String otpauthUri, List<String> recoveryCodes) {
        @Override
        public String toString() {
            return "EnrolmentResponse[***]";
        }
    }

    @Serdeable
    record CodeRequest(@Nullable String code) {
        @Override
        public String toString() {
            return "CodeRequest[code=***]";
        }
    }
}
