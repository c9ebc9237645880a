package com.cspdesk.application.support.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;

/**
 * Spec step 6 "Add files": attachments with a size limit and a list of allowed types; the type
 * is sniffed from the content, never taken from the name or the header alone, and must be the one
 * the name's extension stands for. Names lose bidi and control characters before they are stored.
 */
public interface AttachFile {

    AttachResult attach(String requestId, String fileName, byte[] content, Actor actor);

    /** Not found: {@code service_request_not_found} or {@code attachment_not_found}. */
    Lookup<Attachment> read(String requestId, String attachmentId, Actor actor);

    sealed interface AttachResult {
    }

    record Attached(ServiceRequestView.AttachmentView attachment) implements AttachResult {
    }

    record RequestNotFound() implements AttachResult {
    }

    /** The table does not let the actor do this; nothing was looked at or stored. */
    record NotPermitted(Permission permission) implements AttachResult {
    }

    /**
     * {@code reason}: attachment_too_large, attachment_type_not_allowed (extension or content not allowed),
     * attachment_type_mismatch (content allowed but not what the extension says), attachment_empty,
     * too_many_attachments, file_name_invalid.
     */
    record Refused(String reason) implements AttachResult {
    }

    record Attachment(String fileName, String contentType, byte[] content) {
    }
}
