package com.cspdesk.bench.bare;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Constant bodies of the product's answer sizes, at the product's paths. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class ConstantController {

    private final byte[] software;
    private final byte[] activity;

    ConstantController(@Value("${bare.software.bytes:20000}") int softwareBytes,
                       @Value("${bare.activity.bytes:20000}") int activityBytes) {
        this.software = body(softwareBytes);
        this.activity = body(activityBytes);
    }

    @Get(uri = "/v1/customers/{customerId}/software", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> software(@PathVariable String customerId) {
        return HttpResponse.ok(software);
    }

    @Get(uri = "/v1/auditrecords", produces = MediaType.APPLICATION_JSON)
    HttpResponse<byte[]> activity() {
        return HttpResponse.ok(activity);
    }

    @Get(uri = "/health", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> health() {
        return HttpResponse.ok("{\"status\":\"UP\"}");
    }

    /** A JSON object of exactly {@code size} bytes: {"items":"xxxx…"}. */
    static byte[] body(int size) {
        String head = "{\"items\":\"";
        String tail = "\"}";
        int fill = Math.max(0, size - head.length() - tail.length());
        char[] x = new char[fill];
        Arrays.fill(x, 'x');
        return (head + new String(x) + tail).getBytes(StandardCharsets.UTF_8);
    }
}
