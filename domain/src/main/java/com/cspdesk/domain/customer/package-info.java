/**
 * The partner's customers: how a customer is addressed, and its billing profile as Partner Center
 * has it (culture, language, address) with the rules of each part.
 */
package com.cspdesk.domain.customer;
