package archfixtures.strayclass.misc;

/** Violation: a package that belongs to no layer, so no layer rule looks at it. */
public final class Helper {

    private Helper() {
    }
}
