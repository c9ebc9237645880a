package com.cspdesk.adapters.persistence.testing;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared throwaway MariaDB and Galera cluster when the test session ends (the shutdown hooks are the fallback). */
public final class StopThrowawayMariaDbAtSessionEnd implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        ThrowawayMariaDb.stopShared();
        ThrowawayGalera.stopShared();
    }
}
