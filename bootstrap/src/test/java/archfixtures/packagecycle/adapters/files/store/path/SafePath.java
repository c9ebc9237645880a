package archfixtures.packagecycle.adapters.files.store.path;

import archfixtures.packagecycle.adapters.files.store.FolderStore;

public class SafePath {

    public FolderStore back() {
        return new FolderStore();
    }
}
