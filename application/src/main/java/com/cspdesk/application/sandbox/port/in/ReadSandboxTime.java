package com.cspdesk.application.sandbox.port.in;

/** What time the sandbox believes it is. */
public interface ReadSandboxTime {

    SandboxTime now();
}
