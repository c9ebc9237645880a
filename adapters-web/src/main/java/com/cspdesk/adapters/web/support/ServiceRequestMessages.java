package com.cspdesk.adapters.web.support;

import com.cspdesk.adapters.web.api.ResourceCollection;
import com.cspdesk.adapters.web.catalog.MoneyJson;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The JSON of api.md "Service requests" — what is posted, what comes back, and the pre-filled template. */
final class ServiceRequestMessages {

    private ServiceRequestMessages() {
    }

    /** The API document's item type of GET /v1/servicerequests (a ResourceCollection of these). */
    record ServiceRequestItems(List<ServiceRequestResponse> items) {
    }

    /**
     * {@code POST /v1/servicerequests}, the spec's "Report a problem" form. Sizes only bound the
     * input; what is required and valid is the use case's to say (it names the field).
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServiceRequestBody(@Nullable @Size(max = 64) String category,
                              @Nullable @Size(max = 32) String impact,
                              @Nullable @Size(max = 1000) String title,
                              @Nullable @Valid DescriptionBody description,
                              @Nullable @Valid ContactBody contact) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record DescriptionBody(@Nullable @Size(max = 255) String customerTenantIdOrDomain,
                           @Nullable @Size(max = 64) String orderId,
                           @Nullable @Size(max = 64) String subscriptionId,
                           @Nullable @Size(max = 20000) String refundReason,
                           @Nullable @Valid AmountBody amountRequested) {
    }

    /** Money as everywhere in the API: the amount a decimal string. */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record AmountBody(@Nullable @Size(max = 40) String amount, @Nullable @Size(max = 8) String currency) {
    }

    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ContactBody(@Nullable @Size(max = 1000) String name, @Nullable @Size(max = 320) String email,
                       @Nullable @Size(max = 64) String phone) {
    }

    /**
     * {@code attachments} and {@code notes} are always there, {@code []} when there are none; {@code resolution}
     * and {@code refundCredited} are {@code null} until support resolves the request (#16 item 4).
     * {@code notes} and {@code lastModifiedDate} are Partner Center's ServiceRequest fields.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ServiceRequestResponse(String id, String status, String category, String impact, String title,
                                  DescriptionResponse description, ContactBody contact, Instant createdAt, String createdBy,
                                  List<AttachmentResponse> attachments, List<NoteResponse> notes, Instant lastModifiedDate,
                                  @Nullable ResolutionResponse resolution, @Nullable MoneyJson refundCredited) {
    }

    /**
     * {@code PATCH /v1/servicerequests/{id}}: Partner Center's ServiceRequest with what changes — {@code status}
     * (the desk's or PC's spelling: {@code attention_needed}, {@code AttentionNeeded}) and/or
     * {@code newNote: {text}} — and, for support staff, the desk's {@code resolution}. Other ServiceRequest
     * fields a PC client sends along are ignored.
     */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ServiceRequestPatchBody(@Nullable @Size(max = 64) String status, @Nullable @Valid NoteBody newNote,
                                   @Nullable @Valid ResolutionBody resolution) {
    }

    /** PC's ServiceRequestNote as sent: only its text counts (author and date are the desk's). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record NoteBody(@Nullable @Size(max = 20000) String text) {
    }

    /** {@code outcome} approved (with {@code approvedAmount}) or declined (with {@code reason}, which the partner reads). */
    @Serdeable
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ResolutionBody(@Nullable @Size(max = 32) String outcome, @Nullable @Valid AmountBody approvedAmount,
                          @Nullable @Size(max = 20000) String reason) {
    }

    /** PC's ServiceRequestNote (createdByName, createdDate, text) and the side that wrote it: partner or support. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record NoteResponse(String createdByName, Instant createdDate, String text, String authorSide) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record ResolutionResponse(String outcome, @Nullable MoneyJson approvedAmount, @Nullable String reason, String resolvedBy,
                              Instant resolvedDate) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DescriptionResponse(String customerTenantIdOrDomain, @Nullable String orderId, @Nullable String subscriptionId,
                               String refundReason, MoneyJson amountRequested) {
    }

    @Serdeable
    record AttachmentResponse(String id, String fileName, String contentType, long sizeBytes, Instant addedAt) {
    }

    /** What the idempotency key is checked against for an upload: the file's name, size and digest. */
    @Serdeable
    record UploadFingerprint(String fileName, long sizeBytes, String sha256) {
    }

    static ServiceRequestResponse response(ServiceRequestView view) {
        ServiceRequestView.Description d = view.description();
        return new ServiceRequestResponse(view.id(), view.status(), view.category(), view.impact(), view.title(),
                new DescriptionResponse(d.customerTenantIdOrDomain(), d.orderId().orElse(null), d.subscriptionId().orElse(null),
                        d.refundReason(), MoneyJson.of(d.amountRequested())),
                new ContactBody(view.contact().name(), view.contact().email(), view.contact().phone()),
                view.createdAt(), view.createdBy(), view.attachments().stream().map(ServiceRequestMessages::attachment).toList(),
                view.notes().stream().map(n -> new NoteResponse(n.createdBy(), n.createdAt(), n.text(), n.authorSide())).toList(),
                view.lastModifiedAt(),
                view.resolution().map(r -> new ResolutionResponse(r.outcome(), r.approvedAmount().map(MoneyJson::of).orElse(null),
                        r.reason().orElse(null), r.resolvedBy(), r.resolvedAt())).orElse(null),
                view.refundCredited().map(MoneyJson::of).orElse(null));
    }

    static AttachmentResponse attachment(ServiceRequestView.AttachmentView view) {
        return new AttachmentResponse(view.id(), view.fileName(), view.contentType(), view.sizeBytes(), view.addedAt());
    }
}
