package com.cspdesk.adapters.persistence.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared throwaway MariaDB when the test session ends (the shutdown hook is the fallback). */
public final class StopThrowawayMariaDbAtSessionEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        ThrowawayMariaDb.stopShared();
    }
}
