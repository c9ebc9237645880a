package com.cspdesk.application.webhooks.port.in;

import com.cspdesk.application.shared.port.in.Lookup;
import com.cspdesk.application.shared.port.in.Page;
import com.cspdesk.application.shared.port.in.PageRequest;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.webhooks.DeliveryStatus;

import java.util.Optional;

/** The registration's delivery log (issue #15 item 4): newest first, for those who may manage webhooks. */
public interface ReadWebhookDeliveries {

    /** A page of the log, of one status when given; not found when there is no registration. */
    Lookup<Page<WebhookDeliveryView>> deliveries(Optional<DeliveryStatus> status, PageRequest page, Actor actor);

    /** One delivery with every attempt. */
    Lookup<WebhookDeliveryView> delivery(String id, Actor actor);
}
