/**
 * Who may act: the partner and customer roles of the spec ("Appropriate roles") and the
 * rules for their credentials.
 */
package com.cspdesk.domain.identity;
