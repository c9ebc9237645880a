package com.cspdesk.adapters.web.apidoc;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;

/**
 * The API document for anyone (as Partner Center's reference is public): {@code /openapi.json} is the
 * file micronaut-openapi's processor wrote at compile time ({@link DocumentRepairs} applied),
 * {@code /openapi.yml} the same content as
 * YAML, and {@code /openapi/ui} Swagger UI from its WebJar (served under {@code /webjars/swagger-ui/},
 * nothing from another site) under the dashboard's Content-Security-Policy.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
class ApiDocumentController {

    static final String DOCUMENT = "META-INF/swagger/cspdesk.json";
    private static final String SWAGGER_UI_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";
    private static final MediaType YAML = MediaType.of("application/yaml");

    private final String json;
    private final String yaml;
    private final String page;
    private final String contentSecurityPolicy;

    ApiDocumentController(JsonMapper mapper,
                          @Value("${micronaut.views.csp.policy-directives:default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'}")
                          String contentSecurityPolicy) {
        Map<String, Object> document = DocumentRepairs.repair(parse(mapper, read(DOCUMENT)));
        this.json = write(mapper, document);
        this.yaml = yaml(document);
        this.page = page(swaggerUiVersion());
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    @Get(uri = "/openapi.json", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> json() {
        return HttpResponse.ok(json);
    }

    @Get(uri = "/openapi.yml", produces = "application/yaml")
    HttpResponse<String> yaml() {
        return HttpResponse.ok(yaml).contentType(YAML);
    }

    @Get(uri = "/openapi/ui", produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(page).header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff");
    }

    /** Swagger UI's start, a file of its own: the policy allows no inline script. */
    @Get(uri = "/openapi/ui/start.js", produces = "text/javascript")
    HttpResponse<String> start() {
        return HttpResponse.ok("window.ui = SwaggerUIBundle({url: '/openapi.json', dom_id: '#swagger-ui', "
                        + "deepLinking: true, validatorUrl: null});\n")
                .header(HttpHeaders.CACHE_CONTROL, "no-cache");
    }

    private static Map<?, ?> parse(JsonMapper mapper, String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the API document is not JSON", e);
        }
    }

    private static String write(JsonMapper mapper, Map<String, Object> document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String yaml(Map<String, Object> document) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setWidth(120);
        return new Yaml(options).dump(document);
    }

    private static String page(String version) {
        String assets = "/webjars/swagger-ui/" + version + "/";
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>CSP Software Desk API</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + assets + "swagger-ui.css\">\n"
                + "</head>\n<body>\n<div id=\"swagger-ui\"></div>\n"
                + "<script src=\"" + assets + "swagger-ui-bundle.js\"></script>\n"
                + "<script src=\"/openapi/ui/start.js\"></script>\n"
                + "</body>\n</html>\n";
    }

    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = resource(SWAGGER_UI_POM)) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ApiDocumentController.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (the build writes it)");
        }
        return in;
    }
}
