package com.cspdesk.application.software.port.in;

/** Why a key or link is not given; {@code field} names the choice at fault, when one is. */
public record SoftwareRefusal(Reason reason, String field) {

    public enum Reason {
        /** No such customer or software for this actor: 404. */
        NOT_FOUND("software_not_found"),
        /** The purchase was cancelled: keys and links are revoked, 410. */
        REVOKED("software_revoked"),
        VERSION_NOT_ENTITLED("version_not_entitled"),
        LANGUAGE_NOT_OFFERED("language_not_offered"),
        BITNESS_NOT_OFFERED("bitness_not_offered"),
        /** The bits for this choice are not in the software store. */
        FILE_UNAVAILABLE("software_file_unavailable");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
