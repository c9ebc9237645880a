package archfixtures.domainusesframework.domain;

import io.micronaut.core.util.StringUtils;

/** Violation: the domain calls Micronaut and carries a jakarta annotation. */
public record Sku(String code) {

    public Sku {
        if (StringUtils.isEmpty(code)) {
            throw new IllegalArgumentException("empty SKU");
        }
    }

    @jakarta.annotation.Nullable
    public String family() {
        return code.contains("-") ? code.substring(0, code.indexOf('-')) : null;
    }
}
