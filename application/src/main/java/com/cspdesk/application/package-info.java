/**
 * Use cases. Each feature package holds its services; {@code port.in} holds the use-case
 * interfaces with their command and result records, {@code port.out} what the use cases need
 * from the world. No framework: the composition root in bootstrap wires the services.
 */
package com.cspdesk.application;
