package archfixtures.featurecycle.adapters.memory.shared;

public class UndoLog {
}
