/**
 * The dashboard: server-rendered pages (Thymeleaf through micronaut-views) for partner agents and
 * customer admins, in the six languages of {@code i18n/ui*.properties}. The pages call the same
 * incoming ports as the JSON API; the session is the same JWT, carried in an HttpOnly,
 * SameSite=Strict cookie, and every state-changing form carries a CSRF token
 * ({@link com.cspdesk.adapters.web.ui.UiCsrf}).
 */
package com.cspdesk.adapters.web.ui;
