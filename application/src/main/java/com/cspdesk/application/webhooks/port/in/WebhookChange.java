package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.domain.access.Permission;

import java.util.Optional;

/** What registering, changing or re-keying the partner's webhook registration came to. */
public sealed interface WebhookChange {

    /** Done; {@code secret} is the new signing secret when one was made (shown this once), else empty. */
    record Done(WebhookRegistrationView registration, Optional<String> secret) implements WebhookChange {

        @Override
        public String toString() {
            return "Done[" + registration.id() + ", secret=" + (secret.isPresent() ? "***" : "none") + "]";
        }
    }

    record NotPermitted(Permission permission) implements WebhookChange {
    }

    /** The caller may not read what this event is about, so may not subscribe to it. */
    record EventNotPermitted(String eventName) implements WebhookChange {
    }

    /** Bad input, with the field (Partner Center's name) and, for an unknown event, the name given. */
    record Refused(Reason reason, String field, String argument) implements WebhookChange {
    }

    /** There is no registration to change. */
    record NotFound() implements WebhookChange {
    }

    /** The partner has a registration already: change it with PUT, or delete it first. */
    record AlreadyRegistered() implements WebhookChange {
    }

    enum Reason {
        URL_MISSING("webhook_url_missing"),
        URL_TOO_LONG("webhook_url_too_long"),
        URL_INVALID("webhook_url_invalid"),
        HTTPS_REQUIRED("webhook_url_https_required"),
        ADDRESS_NOT_ALLOWED("webhook_url_address_not_allowed"),
        UNRESOLVABLE("webhook_url_unresolvable"),
        EVENTS_MISSING("webhook_events_missing"),
        EVENT_UNKNOWN("webhook_event_unknown");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
