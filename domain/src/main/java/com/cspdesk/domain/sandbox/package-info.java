/**
 * The sandbox's test clock: how far ahead of real time it may be moved.
 */
package com.cspdesk.domain.sandbox;
