package archfixtures.strayclass;

/** Violation: a class right in the root package, outside every layer. */
public final class RootLevelUtil {

    private RootLevelUtil() {
    }
}
