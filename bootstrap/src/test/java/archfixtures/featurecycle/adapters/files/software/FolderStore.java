package archfixtures.featurecycle.adapters.files.software;

import archfixtures.featurecycle.adapters.files.shared.Names;

public class FolderStore {

    public Names use() {
        return new Names();
    }
}
