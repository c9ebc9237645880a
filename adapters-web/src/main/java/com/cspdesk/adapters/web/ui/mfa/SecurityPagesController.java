package com.cspdesk.adapters.web.ui.mfa;

import io.swagger.v3.oas.annotations.Hidden;
import com.cspdesk.adapters.web.publicurl.PublicUrl;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.OpenDuringEnrolment;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.adapters.web.ui.shared.SessionCookie;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.ui.shared.UiUrls;
import com.cspdesk.application.identity.port.in.ConfirmSecondFactor;
import com.cspdesk.application.identity.port.in.EnrolSecondFactor;
import com.cspdesk.application.identity.port.in.ViewSecondFactor;
import com.cspdesk.domain.access.Permission;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.util.HashMap;
import java.util.Map;

/**
 * The account menu's <b>Two-step sign-in</b> page ({@code /ui/security}): whether it is on; setting it up
 * shows the QR code, the key as text and the ten recovery codes (this once), and asks for a code to turn
 * it on. Turning it on ends every session of the user, this one included, so the browser is sent to sign
 * in again — with a code. Open to a session that may only enrol, which every other page sends here.
 */
@Hidden
@Controller(UiUrls.SECURITY)
@ExecuteOn(TaskExecutors.BLOCKING)
@Produces(MediaType.TEXT_HTML)
@RequiresPermission(Permission.MANAGE_OWN_MFA)
@OpenDuringEnrolment
class SecurityPagesController {

    private static final String TEMPLATE = "security/security";

    private final ViewSecondFactor viewSecondFactor;
    private final EnrolSecondFactor enrolSecondFactor;
    private final ConfirmSecondFactor confirmSecondFactor;
    private final UiPages pages;
    private final PublicUrl publicUrl;

    SecurityPagesController(ViewSecondFactor viewSecondFactor, EnrolSecondFactor enrolSecondFactor,
                            ConfirmSecondFactor confirmSecondFactor, UiPages pages, PublicUrl publicUrl) {
        this.viewSecondFactor = viewSecondFactor;
        this.enrolSecondFactor = enrolSecondFactor;
        this.confirmSecondFactor = confirmSecondFactor;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    @Get
    HttpResponse<?> page(HttpRequest<?> request, Authentication caller) {
        return pages.answer(request, caller, viewSecondFactor.status(Actors.of(caller)),
                status -> pages.page(request, TEMPLATE, model(status)));
    }

    @Post("/totp")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> enrol(HttpRequest<?> request, Authentication caller) {
        EnrolSecondFactor.EnrolOutcome outcome = enrolSecondFactor.enrol(Actors.of(caller));
        if (outcome instanceof EnrolSecondFactor.Enrolment enrolment) {
            Map<String, Object> model = model(null);
            model.put("qrCode", QrCodes.svgDataUri(enrolment.otpauthUri()));
            model.put("secret", enrolment.secret().replaceAll("(.{4})(?!$)", "$1 "));
            model.put("recoveryCodes", enrolment.recoveryCodes());
            model.put("pending", true);
            return UiPages.noStore(pages.page(request, TEMPLATE, model));
        }
        if (outcome instanceof EnrolSecondFactor.AlreadyEnrolled) {
            return UiPages.redirect(request, UiUrls.SECURITY);
        }
        return Refusals.notPermitted(caller);
    }

    @Post("/totp/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> confirm(HttpRequest<?> request, Authentication caller, @Body CodeForm form) {
        ConfirmSecondFactor.ConfirmOutcome outcome = confirmSecondFactor.confirm(Actors.of(caller), form.code());
        if (outcome instanceof ConfirmSecondFactor.Confirmed) {
            // Every session ended, this one too: sign in again, now with a code.
            return UiPages.redirect(request, UiUrls.SIGN_IN + "?mfaOn=1").cookie(SessionCookie.cleared(publicUrl.isHttps(request)));
        }
        if (outcome instanceof ConfirmSecondFactor.WrongCode) {
            Map<String, Object> model = model(null);
            model.put("pending", true);
            model.put("wrongCode", true);
            return pages.render(request, HttpStatus.UNPROCESSABLE_ENTITY, TEMPLATE, model);
        }
        if (outcome instanceof ConfirmSecondFactor.NothingToConfirm) {
            return UiPages.redirect(request, UiUrls.SECURITY);
        }
        return Refusals.notPermitted(caller);
    }

    private static Map<String, Object> model(@Nullable ViewSecondFactor.SecondFactorStatus status) {
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "security.title");
        model.put("status", status);
        model.put("pending", false);
        model.put("wrongCode", false);
        return model;
    }

    @Serdeable
    record CodeForm(@Nullable String code, @Nullable String csrfToken) {
        @Override
        public String toString() {
            return "CodeForm[code=***]";
        }
    }
}
