package archfixtures.access.securedroles.adapters.web.orders;

import io.micronaut.serde.annotation.Serdeable;

/** A JSON shape of the adapter's own. */
@Serdeable
public record StatusJson(String status) {
}
