package archfixtures.dependsonbootstrap.bootstrap;

public final class DemoSettings {

    private DemoSettings() {
    }

    public static boolean sandboxEnabled() {
        return Boolean.getBoolean("cspdesk.sandbox.enabled");
    }
}
