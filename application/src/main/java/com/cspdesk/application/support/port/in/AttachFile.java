package com.cspdesk.application.support.port.in;

import java.util.Optional;

/**
 * Spec step 6 "Add files": attachments with a size limit and a list of allowed types; the type
 * is sniffed from the content, never taken from the name or the header alone.
 */
public interface AttachFile {

    AttachResult attach(String requestId, String fileName, byte[] content);

    Optional<Attachment> read(String requestId, String attachmentId);

    sealed interface AttachResult {
    }

    record Attached(ServiceRequestView.AttachmentView attachment) implements AttachResult {
    }

    record RequestNotFound() implements AttachResult {
    }

    /** {@code reason}: attachment_too_large, attachment_type_not_allowed, attachment_empty, too_many_attachments, file_name_invalid. */
    record Refused(String reason) implements AttachResult {
    }

    record Attachment(String fileName, String contentType, byte[] content) {
    }
}
