package com.cspdesk.adapters.web.ui.support;

import com.cspdesk.adapters.web.ui.shared.UiPages;
import com.cspdesk.application.support.port.in.ServiceRequestView;
import com.cspdesk.domain.access.Actor;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.domain.support.ServiceRequestLifecycle;
import com.cspdesk.domain.support.ServiceRequestLifecycle.Side;
import com.cspdesk.domain.support.ServiceRequestLifecycle.Verdict;
import com.cspdesk.domain.support.ServiceRequestStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model of one support request's page: the request, and what the viewer may do on it (#16 item 4) —
 * write a note (both sides, until it is closed), the status moves of the viewer's side
 * ({@link ServiceRequestLifecycle}; resolving has its own form), and support staff's resolution form.
 */
final class ServiceRequestDetail {

    private ServiceRequestDetail() {
    }

    static Map<String, Object> model(ServiceRequestView view, Actor actor) {
        Map<String, Object> model = UiPages.section("support.detail.title");
        model.put("section", actor.may(Permission.HANDLE_SERVICE_REQUESTS) ? "support-queue" : "support");
        model.put("sr", view);
        ServiceRequestStatus status = ServiceRequestStatus.ofCode(view.status());
        boolean follows = actor.may(Permission.HANDLE_SERVICE_REQUESTS) || actor.may(Permission.FILE_SERVICE_REQUEST);
        Side side = actor.may(Permission.HANDLE_SERVICE_REQUESTS) ? Side.SUPPORT : Side.PARTNER;
        List<String> moves = new ArrayList<>();
        if (follows) {
            for (ServiceRequestStatus to : ServiceRequestStatus.values()) {
                if (to != ServiceRequestStatus.RESOLVED && ServiceRequestLifecycle.move(status, to, side) == Verdict.ALLOWED) {
                    moves.add(to.code());
                }
            }
        }
        model.put("moves", moves);
        model.put("canNote", follows && ServiceRequestLifecycle.takesNotes(status));
        model.put("canResolve", side == Side.SUPPORT
                && ServiceRequestLifecycle.move(status, ServiceRequestStatus.RESOLVED, side) == Verdict.ALLOWED);
        return model;
    }
}
