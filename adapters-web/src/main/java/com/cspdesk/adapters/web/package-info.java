/**
 * The web adapter: the JSON API (v1), problem+json errors in the caller's language, security
 * rules and the correlation id. Controllers reach the application only through incoming ports.
 */
package com.cspdesk.adapters.web;
