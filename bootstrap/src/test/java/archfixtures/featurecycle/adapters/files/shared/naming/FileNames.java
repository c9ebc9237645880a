package archfixtures.featurecycle.adapters.files.shared.naming;

import archfixtures.featurecycle.adapters.files.software.FolderStore;

/**
 * Violation: shared and software use each other (software -> shared, shared.naming -> software),
 * although no two single packages form a cycle.
 */
public class FileNames {

    public FolderStore use() {
        return new FolderStore();
    }
}
