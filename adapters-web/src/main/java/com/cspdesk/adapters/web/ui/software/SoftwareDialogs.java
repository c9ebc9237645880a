package com.cspdesk.adapters.web.ui.software;

import java.util.function.Function;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.customer.CustomerRef;
import io.micronaut.security.authentication.Authentication;
import com.cspdesk.adapters.web.ui.shared.UiForms;
import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.adapters.web.downloads.DownloadUris;
import com.cspdesk.application.software.port.in.ChosenSoftware;
import com.cspdesk.application.software.port.in.CreateDownloadLink;
import com.cspdesk.application.software.port.in.GetProductKey;
import com.cspdesk.application.software.port.in.ListSoftware;
import com.cspdesk.application.software.port.in.SoftwareRefusal;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.Map;

/**
 * Spec "Activate and manage software subscriptions" steps 2–5, shared by the partner's Software tab
 * and the customer's Billing › Your products › Software: the "Get keys and downloads" dialog for a
 * chosen version, language and bit, its Get Key (the key in the dialog, with copy), Download (the
 * bits, through a fresh signed link) and Copy Link. Each access goes through the same use cases as
 * the JSON API, so it lands in the activity log the same way.
 */
@Singleton
public class SoftwareDialogs {

    private final ListSoftware listSoftware;
    private final GetProductKey getProductKey;
    private final CreateDownloadLink createDownloadLink;
    private final DownloadUris downloadUris;
    private final UiPages pages;

    SoftwareDialogs(ListSoftware listSoftware, GetProductKey getProductKey, CreateDownloadLink createDownloadLink,
                    DownloadUris downloadUris, UiPages pages) {
        this.listSoftware = listSoftware;
        this.getProductKey = getProductKey;
        this.createDownloadLink = createDownloadLink;
        this.downloadUris = downloadUris;
        this.pages = pages;
    }

    /** The dialog with the three actions, for the choice made on the software row. */
    public HttpResponse<?> options(HttpRequest<?> request, Authentication caller, CustomerRef customer, String softwareId,
                                   Choice choice, String base, String backHref, String section) {
        return withRow(request, caller, customer, softwareId, row -> pages.dialog(request, HttpStatus.OK, "software/options",
                model(row, choice, base, backHref, section)));
    }

    public HttpResponse<?> key(HttpRequest<?> request, Authentication caller, CustomerRef customer, String softwareId,
                               Choice choice, String base, String backHref, String section) {
        return withRow(request, caller, customer, softwareId, row -> {
            Map<String, Object> model = model(row, choice, base, backHref, section);
            GetProductKey.KeyResult result = getProductKey.getKey(chosen(customer, softwareId, choice), Actors.of(caller));
            if (result instanceof GetProductKey.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            HttpStatus status = HttpStatus.OK;
            if (result instanceof GetProductKey.Key key) {
                model.put("productKey", key.productKey().revealClearText());
            } else {
                SoftwareRefusal refusal = ((GetProductKey.Refused) result).refusal();
                model.put("keyError", "problem." + refusal.reason().code() + ".detail");
                status = status(refusal);
            }
            return respond(request, status, "key", model);
        });
    }

    public HttpResponse<?> link(HttpRequest<?> request, Authentication caller, CustomerRef customer, String softwareId,
                                Choice choice, String base, String backHref, String section) {
        return withRow(request, caller, customer, softwareId, row -> {
            Map<String, Object> model = model(row, choice, base, backHref, section);
            CreateDownloadLink.LinkResult result = createDownloadLink.create(chosen(customer, softwareId, choice),
                    Actors.of(caller));
            if (result instanceof CreateDownloadLink.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            HttpStatus status = HttpStatus.OK;
            if (result instanceof CreateDownloadLink.Created created) {
                model.put("link", new Link(downloadUris.of(request, created.token()), created.expiresAt(),
                        created.downloadsRemaining(), created.fileName(), created.sizeBytes(), created.sha256()));
            } else {
                SoftwareRefusal refusal = ((CreateDownloadLink.Refused) result).refusal();
                model.put("linkError", "problem." + refusal.reason().code() + ".detail");
                status = status(refusal);
            }
            return respond(request, status, "link", model);
        });
    }

    /** Download: a fresh link, then the browser follows it (the bits come from {@code /downloads/{token}}). */
    public HttpResponse<?> download(HttpRequest<?> request, Authentication caller, CustomerRef customer, String softwareId,
                                    Choice choice, String base, String backHref, String section) {
        return withRow(request, caller, customer, softwareId, row -> {
            CreateDownloadLink.LinkResult result = createDownloadLink.create(chosen(customer, softwareId, choice),
                    Actors.of(caller));
            if (result instanceof CreateDownloadLink.Created created) {
                return UiPages.redirect(request, downloadUris.of(request, created.token()));
            }
            if (result instanceof CreateDownloadLink.NotPermitted) {
                return Refusals.notPermitted(caller);
            }
            SoftwareRefusal refusal = ((CreateDownloadLink.Refused) result).refusal();
            Map<String, Object> model = model(row, choice, base, backHref, section);
            model.put("linkError", "problem." + refusal.reason().code() + ".detail");
            return pages.dialog(request, status(refusal), "software/options", model);
        });
    }

    /** The software's row, or the 404 page (no such customer or software for this caller), or the table's 403. */
    private HttpResponse<?> withRow(HttpRequest<?> request, Authentication caller, CustomerRef customer, String softwareId,
                                    Function<SoftwareRows, HttpResponse<?>> action) {
        Lookup<SoftwareRows> row = listSoftware.list(customer, Actors.of(caller)).flatMap(all -> Lookup.of(all.stream()
                .filter(software -> software.id().equals(softwareId)).findFirst().map(SoftwareRows::of), "software_not_found"));
        return pages.answer(request, caller, row, action, "error.software_not_found");
    }

    private HttpResponse<?> respond(HttpRequest<?> request, HttpStatus status, String fragment, Map<String, Object> model) {
        if (UiPages.isHtmx(request)) {
            return pages.fragment(request, status, "software/options", fragment, model);
        }
        return pages.dialog(request, status, "software/options", model);
    }

    private static Map<String, Object> model(SoftwareRows row, Choice choice, String base, String backHref, String section) {
        Map<String, Object> model = new HashMap<>();
        model.put("titleKey", "software.dialog.title");
        model.put("section", section);
        model.put("row", row);
        model.put("choice", choice);
        model.put("actionBase", base + "/" + row.id());
        model.put("backHref", backHref);
        return model;
    }

    private static ChosenSoftware chosen(CustomerRef customer, String softwareId, Choice choice) {
        return new ChosenSoftware(customer, softwareId, UiForms.text(choice.version()), UiForms.text(choice.language()),
                UiForms.text(choice.bitness()));
    }

    private static HttpStatus status(SoftwareRefusal refusal) {
        return switch (refusal.reason()) {
            case NOT_FOUND, FILE_UNAVAILABLE -> HttpStatus.NOT_FOUND;
            case REVOKED -> HttpStatus.GONE;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    /** Version, language and bit as chosen on the row (query string or form). */
    @Serdeable
    public record Choice(@Nullable String version, @Nullable String language, @Nullable String bitness,
                         @Nullable String csrfToken) {
        public static Choice of(@Nullable String version, @Nullable String language, @Nullable String bitness) {
            return new Choice(version, language, bitness, null);
        }
    }

    public record Link(String uri, java.time.Instant expiresAt, int downloadsRemaining, String fileName, long sizeBytes,
                       String sha256) {
    }
}
