package archfixtures.clean.adapters.web.error;

import archfixtures.clean.application.order.port.in.OrderNotFound;
import io.micronaut.http.HttpStatus;

public class ProblemMapper {

    public HttpStatus statusOf(RuntimeException exception) {
        return exception instanceof OrderNotFound ? HttpStatus.NOT_FOUND : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}
