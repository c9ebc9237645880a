package archfixtures.packagecycle.adapters.files.store;

import archfixtures.packagecycle.adapters.files.store.path.SafePath;

/** Violation: FolderStore and SafePath (packages store and store.path) use each other. */
public class FolderStore {

    public SafePath next() {
        return new SafePath();
    }
}
