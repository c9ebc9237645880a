package com.cspdesk.adapters.web.customers;

import com.cspdesk.adapters.web.i18n.BundleChecks;
import com.cspdesk.adapters.web.i18n.SupportedLanguages;
import com.cspdesk.application.customers.port.in.CreateCustomer;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal of a new customer has its problem title, detail and field message in all six languages. */
class CustomerRefusalMessagesTest {

    @Test
    void everyReasonIsWordedInEveryLanguage() {
        for (Locale locale : SupportedLanguages.ALL) {
            Properties bundle = BundleChecks.load("messages", locale);
            for (CreateCustomer.Reason reason : CreateCustomer.Reason.values()) {
                for (String key : new String[]{"problem." + reason.code() + ".title", "problem." + reason.code() + ".detail",
                        "field." + reason.code()}) {
                    assertThat(bundle.getProperty(key)).as("%s in %s", key, locale).isNotBlank();
                }
            }
        }
    }
}
