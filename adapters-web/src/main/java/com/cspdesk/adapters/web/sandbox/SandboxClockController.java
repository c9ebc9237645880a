package com.cspdesk.adapters.web.sandbox;

import com.cspdesk.adapters.web.apidoc.ApiDoc;
import com.cspdesk.adapters.web.apidoc.NeedsToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import com.cspdesk.adapters.web.security.Refusals;
import com.cspdesk.adapters.web.security.Actors;
import com.cspdesk.domain.access.Actor;
import io.micronaut.security.authentication.Authentication;
import com.cspdesk.adapters.web.problem.Problems;
import com.cspdesk.adapters.web.security.RequiresPermission;
import com.cspdesk.domain.access.Permission;
import com.cspdesk.application.sandbox.port.in.MoveSandboxTime;
import com.cspdesk.application.sandbox.port.in.ReadSandboxTime;
import com.cspdesk.application.sandbox.port.in.SandboxTime;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * api.md "Sandbox only": the test clock. The route does not exist (404) unless sandbox mode is
 * on. Anyone signed in may read it; moving it is for the partner's admins.
 */
@Tag(name = "sandbox")
@Controller("/v1/test/clock")
@Requires(property = "cspdesk.sandbox.enabled", value = "true")
@ExecuteOn(TaskExecutors.BLOCKING)
class SandboxClockController {

    private final ReadSandboxTime readSandboxTime;
    private final MoveSandboxTime moveSandboxTime;
    private final Problems problems;

    SandboxClockController(ReadSandboxTime readSandboxTime, MoveSandboxTime moveSandboxTime, Problems problems) {
        this.readSandboxTime = readSandboxTime;
        this.moveSandboxTime = moveSandboxTime;
        this.problems = problems;
    }

    @Operation(summary = "The sandbox's clock (sandbox mode only)")
    @NeedsToken
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClockResponse.class)))
    @ApiResponse(responseCode = "404", description = "Not in sandbox mode", ref = ApiDoc.NOT_FOUND)
    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ClockResponse read() {
        return response(readSandboxTime.now());
    }

    @Operation(summary = "Moves the sandbox's clock: now (an instant) or advanceBy (an ISO duration)")
    @RequestBody(content = @Content(examples = @ExampleObject(value = "{\"advanceBy\": \"P15D\"}")))
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClockResponse.class)))
    @ApiResponse(responseCode = "400", ref = ApiDoc.BAD_REQUEST)
    @ApiResponse(responseCode = "404", description = "Not in sandbox mode", ref = ApiDoc.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDoc.CONFLICT)
    @Put
    @RequiresPermission(Permission.MOVE_SANDBOX_CLOCK)
    HttpResponse<?> move(HttpRequest<?> request, Authentication caller, @Valid @Body MoveClockRequest body) {
        boolean hasNow = body.now() != null && !body.now().isBlank();
        boolean hasAdvance = body.advanceBy() != null && !body.advanceBy().isBlank();
        if (hasNow == hasAdvance) {
            return problems.respond(request, HttpStatus.BAD_REQUEST, "clock_move_invalid");
        }
        Instant instant = null;
        Duration duration = null;
        // Only the parsing may be malformed input: what the move itself throws is the server's fault.
        try {
            if (hasNow) {
                instant = Instant.parse(body.now().strip());
            } else {
                duration = Duration.parse(body.advanceBy().strip());
            }
        } catch (DateTimeParseException malformed) {
            String field = hasNow ? "now" : "advanceBy";
            return problems.respond(request, problems.problem(request, HttpStatus.BAD_REQUEST, "validation_failed",
                    List.of(problems.fieldError(request, field, hasNow ? "instant_malformed" : "duration_malformed"))));
        }
        Actor actor = Actors.of(caller);
        MoveSandboxTime.MoveResult result = hasNow ? moveSandboxTime.moveTo(instant, actor) : moveSandboxTime.advanceBy(duration, actor);
        if (result instanceof MoveSandboxTime.Moved moved) {
            return HttpResponse.ok(response(moved.time()));
        }
        if (result instanceof MoveSandboxTime.NotPermitted) {
            return Refusals.notPermitted(caller);
        }
        if (result instanceof MoveSandboxTime.OutOfRange outOfRange) {
            return problems.respond(request, HttpStatus.BAD_REQUEST, "clock_out_of_range",
                    outOfRange.latest().toString(), outOfRange.time().now().toString());
        }
        SandboxTime current = ((MoveSandboxTime.WouldMoveBack) result).time();
        return problems.respond(request, HttpStatus.CONFLICT, "clock_cannot_move_back", current.now().toString());
    }

    private static ClockResponse response(SandboxTime time) {
        return new ClockResponse(time.now(), time.offset().toString());
    }

    @Serdeable
    record MoveClockRequest(@Nullable @Size(max = 64) String now, @Nullable @Size(max = 64) String advanceBy) {
    }

    @Serdeable
    record ClockResponse(Instant now, String offset) {
    }
}
